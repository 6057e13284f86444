package io.wisp.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.MultipleResource;
import org.junit.jupiter.api.Test;

/** The codec benchmarks measure what they claim: a 20-resource Device instance that every format carries whole. */
class DeviceInstanceTest {

    @Test
    void the_device_instance_has_twenty_resources_typed_as_the_bundled_model_says() {
        ObjectInstance device = DeviceInstance.create();
        var model = ModelRegistry.bundled().find(3).orElseThrow();

        assertThat(device.resources()).hasSize(20);
        assertThat(device.resources().values()).filteredOn(LwM2mResource::isMultiple)
                .extracting(LwM2mResource::id).contains(6, 7, 8, 11);
        for (LwM2mResource r : device.resources().values()) {
            var resourceModel = model.resource(r.id());
            assertThat(resourceModel).as("model of /3/0/%d", r.id()).isNotNull();
            assertThat(r.type()).as("type of /3/0/%d", r.id()).isEqualTo(resourceModel.type());
            assertThat(r.isMultiple()).as("multiplicity of /3/0/%d", r.id()).isEqualTo(resourceModel.multiple());
            if (r instanceof MultipleResource m) {
                assertThat(m.instances()).isNotEmpty();
            }
        }
    }

    @Test
    void every_benchmarked_format_carries_and_round_trips_the_instance() {
        ObjectInstance device = DeviceInstance.create();
        Codecs codecs = Codecs.standard();
        for (String name : new String[] {"LWM2M_CBOR", "SENML_CBOR", "SENML_JSON", "TLV", "JSON"}) {
            ContentFormat format = ContentFormat.byName(name);
            assertThat(codecs.formatsFor(device, DeviceInstance.PATH)).contains(format);
            byte[] bytes = codecs.encode(format, device, DeviceInstance.PATH, ModelRegistry.bundled());
            assertThat(codecs.decode(format, bytes, DeviceInstance.PATH, ModelRegistry.bundled()))
                    .as("%s round trip", name).isEqualTo(device);
        }
    }
}
