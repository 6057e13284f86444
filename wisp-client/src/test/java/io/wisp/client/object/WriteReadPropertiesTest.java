package io.wisp.client.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.dm.DmResponse;
import io.wisp.client.dm.InboundRequest;
import io.wisp.client.testing.TestDevice;
import io.wisp.client.testing.TestModels;
import io.wisp.client.testing.ValueArbitraries;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What is written is what is read back, for generated values of every type the models use. */
class WriteReadPropertiesTest {

    /** A resource of a model and a value for it. */
    record Written(ObjectModel model, ResourceModel resource, LwM2mResource value) {
        LwM2mPath path() {
            return LwM2mPath.of(model.id(), 0, resource.id());
        }

        @Override
        public String toString() {
            return path() + " (" + resource.type().ddfName() + ") = " + value;
        }
    }

    /** A value for a resource of the test object and a format that can carry it. */
    record Sent(Written written, ContentFormat format) {
    }

    @Provide
    Arbitrary<Written> bundledResources() {
        List<Written> none = List.of();
        Arbitrary<ObjectModel> models = Arbitraries.of(List.copyOf(ModelRegistry.bundled().all()));
        return models.flatMap(model -> {
            List<ResourceModel> valued = model.resources().values().stream()
                    .filter(r -> !r.operations().isExecutable()).toList();
            return valued.isEmpty() ? Arbitraries.of(none).map(w -> w) : Arbitraries.of(valued)
                    .flatMap(r -> ValueArbitraries.resource(r).map(v -> new Written(model, r, v)));
        });
    }

    @Provide
    Arbitrary<Sent> sentResources() {
        ObjectModel model = TestModels.ALL_TYPES;
        List<ResourceModel> writable = model.resources().values().stream()
                .filter(r -> r.operations().isWritable() && r.operations().isReadable() && r.id() >= 10).toList();
        Arbitrary<Written> written = Arbitraries.of(writable)
                .flatMap(r -> ValueArbitraries.resource(r).map(v -> new Written(model, r, v)));
        return written.flatMap(w -> {
            List<ContentFormat> formats = Codecs.standard().formatsFor(w.value(), w.path());
            return Arbitraries.of(formats).map(f -> new Sent(w, f));
        });
    }

    @Property(tries = 400)
    void the_device_reads_back_what_it_wrote_on_any_bundled_object(@ForAll("bundledResources") Written w) {
        ModelEnabler enabler = new ModelEnabler(w.model());
        enabler.addInstance(0);

        enabler.write(Requester.LOCAL, w.path(), w.value(), true);

        assertThat(enabler.read(Requester.LOCAL, w.path())).isEqualTo(w.value());
    }

    @Property(tries = 400)
    void a_server_reads_back_what_it_wrote_in_the_same_format(@ForAll("sentResources") Sent s) {
        TestDevice device = new TestDevice();
        String path = s.written().path().toString();
        byte[] payload = device.encode(s.format(), s.written().value(), path);

        DmResponse write = device.send(InboundRequest.of(CoapMethod.PUT, path).withPayload(s.format().code(), payload));
        DmResponse read = device.get(path, s.format());

        assertThat(write.code()).as(write.diagnostic()).isEqualTo(ResponseCode.CHANGED);
        assertThat(read.code()).as(read.diagnostic()).isEqualTo(ResponseCode.CONTENT);
        assertThat(device.decode(read, path)).isEqualTo(s.written().value());
    }
}
