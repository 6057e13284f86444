package io.wisp.bench.jmh;

import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
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
 * Encodes and decodes one resource of the Device instance in the single-value formats (Core TS §7.4.1 text/plain,
 * §7.4.3 application/cbor): a string (Manufacturer, {@code /3/0/0}) and an integer (Battery Level, {@code /3/0/9}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SingleResourceBenchmark {

    @Param({"TEXT", "CBOR"})
    public String format;

    @Param({"/3/0/0", "/3/0/9"})
    public String path;

    private final Codecs codecs = Codecs.standard();
    private final ObjectModels models = ModelRegistry.bundled();
    private ContentFormat contentFormat;
    private LwM2mPath resourcePath;
    private LwM2mNode resource;
    private byte[] encoded;

    @Setup
    public void setUp() {
        contentFormat = ContentFormat.byName(format);
        resourcePath = LwM2mPath.parse(path);
        resource = DeviceInstance.create().resource(resourcePath.resourceId());
        encoded = codecs.encode(contentFormat, resource, resourcePath, models);
        if (!codecs.decode(contentFormat, encoded, resourcePath, models).equals(resource)) {
            throw new IllegalStateException(format + " does not round-trip " + path);
        }
    }

    @Benchmark
    public byte[] encode() {
        return codecs.encode(contentFormat, resource, resourcePath, models);
    }

    @Benchmark
    public LwM2mNode decode() {
        return codecs.decode(contentFormat, encoded, resourcePath, models);
    }
}
