package io.wisp.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.bench.jmh.DeviceInstance;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** What the virtual devices answer, decoded by Wisp's codecs as a server would. */
class DevicePayloadsTest {
    private final DevicePayloads payloads = new DevicePayloads();
    private final Codecs codecs = Codecs.standard();

    @Test
    void a_patched_stamp_decodes_as_the_observed_integer_in_every_notification_format() {
        long stamp = EventCounter.STAMP_BASE + 987_654_321_012L;
        for (ContentFormat format : List.of(ContentFormat.TLV, ContentFormat.SENML_CBOR, ContentFormat.SENML_JSON)) {
            DevicePayloads.StampTemplate template = payloads.stamp(format);
            byte[] out = new byte[template.length() + 3];
            int end = template.write(out, 3, stamp);

            LwM2mNode node = codecs.decode(format, Arrays.copyOfRange(out, 3, end), DevicePayloads.STAMP_PATH,
                    ModelRegistry.bundled());

            assertThat(node).as("%s", format).isEqualTo(SingleResource.of(10, Value.of(stamp)));
        }
    }

    @Test
    void a_read_answer_carries_the_device_instance_or_the_resource_asked_for() {
        LwM2mNode instance = codecs.decode(ContentFormat.TLV, payloads.read("/3/0", ContentFormat.TLV.code()),
                DeviceInstance.PATH, ModelRegistry.bundled());
        LwM2mNode manufacturer = codecs.decode(ContentFormat.SENML_JSON,
                payloads.read("/3/0/0", ContentFormat.SENML_JSON.code()), LwM2mPath.of(3, 0, 0),
                ModelRegistry.bundled());

        assertThat(instance).isEqualTo(DeviceInstance.create());
        assertThat(manufacturer).isEqualTo(DeviceInstance.create().resource(0));
        assertThat(payloads.read("/4/0", ContentFormat.TLV.code())).isNull();
        assertThat(payloads.read("/3/0/12", ContentFormat.TLV.code())).as("a resource the device lacks").isNull();
    }

    @Test
    void a_send_carries_the_three_device_resources() {
        SortedMap<LwM2mPath, LwM2mNode> nodes = codecs.decodeNodes(ContentFormat.SENML_CBOR,
                payloads.send(ContentFormat.SENML_CBOR), ModelRegistry.bundled());

        assertThat(nodes).containsOnlyKeys(DevicePayloads.SEND_PATHS);
        assertThat(nodes.get(LwM2mPath.of(3, 0, 9))).isEqualTo(DeviceInstance.create().resource(9));
    }
}
