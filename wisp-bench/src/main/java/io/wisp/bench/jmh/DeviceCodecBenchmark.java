package io.wisp.bench.jmh;

import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectInstance;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encodes and decodes the 20-resource Device instance ({@link DeviceInstance}) in every format that can carry an
 * object instance (Core TS §7.4), typed by the bundled models: the cost a server pays per Read of {@code /3/0}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeviceCodecBenchmark {

    @Param({"LWM2M_CBOR", "SENML_CBOR", "SENML_JSON", "TLV", "JSON"})
    public String format;

    private final Codecs codecs = Codecs.standard();
    private final ObjectModels models = ModelRegistry.bundled();
    private ContentFormat contentFormat;
    private ObjectInstance instance;
    private byte[] encoded;

    @Setup
    public void setUp() {
        contentFormat = ContentFormat.byName(format);
        instance = DeviceInstance.create();
        encoded = codecs.encode(contentFormat, instance, DeviceInstance.PATH, models);
        LwM2mNode back = codecs.decode(contentFormat, encoded, DeviceInstance.PATH, models);
        if (!back.equals(instance)) {
            throw new IllegalStateException(format + " does not round-trip the Device instance: " + back);
        }
    }

    @Benchmark
    public byte[] encode() {
        return codecs.encode(contentFormat, instance, DeviceInstance.PATH, models);
    }

    @Benchmark
    public LwM2mNode decode() {
        return codecs.decode(contentFormat, encoded, DeviceInstance.PATH, models);
    }
}
