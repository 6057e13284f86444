package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ReadCompositeRequest;
import io.wisp.core.operation.ReadCompositeResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteCompositeRequest;
import io.wisp.core.operation.WriteCompositeResponse;
import io.wisp.core.path.LwM2mPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Read-Composite and Write-Composite (Core TS §6.3.8, §6.3.9) with the Leshan client, which announces SenML JSON and
 * CBOR: ETS cases int-230, int-235, int-236, int-257, int-280, int-281, in both SenML formats.
 */
class LeshanCompositeTest extends LeshanDmFixture {

    static Stream<ContentFormat> senmlFormats() {
        return Stream.of(ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR);
    }

    private ReadCompositeResponse fetch(ContentFormat format, String... paths) {
        ReadCompositeResponse r = send(format == null ? ReadCompositeRequest.of(paths)
                : ReadCompositeRequest.of(format, paths));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        if (format != null) {
            assertThat(r.contentFormat()).contains(format);
        }
        return r;
    }

    private void patch(Map<LwM2mPath, LwM2mNode> values, ContentFormat format) {
        WriteCompositeResponse r = send(format == null ? WriteCompositeRequest.of(values)
                : WriteCompositeRequest.of(values, format));
        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
    }

    private static Map<LwM2mPath, LwM2mNode> leaves(Object... pathAndValue) {
        Map<LwM2mPath, LwM2mNode> out = new LinkedHashMap<>();
        for (int k = 0; k < pathAndValue.length; k += 2) {
            LwM2mPath p = LwM2mPath.parse((String) pathAndValue[k]);
            Value v = (Value) pathAndValue[k + 1];
            out.put(p, p.isResource() ? SingleResource.of(p.resourceId(), v)
                    : ResourceInstance.of(p.resourceInstanceId(), v));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("senmlFormats")
    void int_280_read_composite_success(ContentFormat format) {
        ReadCompositeResponse r = fetch(format, "/3/0/16", "/3/0/11/0", "/1/0");
        assertThat(r.content()).containsOnlyKeys(LwM2mPath.parse("/3/0/16"), LwM2mPath.parse("/3/0/11/0"),
                LwM2mPath.parse("/1/0"));
        assertThat(value(r.content().get(LwM2mPath.parse("/3/0/16")))).isEqualTo(Value.of("U"));
        assertThat(r.content().get(LwM2mPath.parse("/3/0/11/0"))).isEqualTo(ResourceInstance.of(0, Value.of(0)));
        assertThat(r.content().get(LwM2mPath.parse("/1/0"))).isEqualTo(read("/1/0", ContentFormat.TLV));
    }

    @Test
    void int_281_read_composite_partial_success() {
        ReadCompositeResponse r = fetch(null, "/1/0/1", "/1/0/7", "/1/0/8");
        assertThat(r.content()).containsOnlyKeys(LwM2mPath.parse("/1/0/1"), LwM2mPath.parse("/1/0/7"));
        assertThat(value(r.content().get(LwM2mPath.parse("/1/0/1")))).isEqualTo(Value.of(LIFETIME));
        assertThat(value(r.content().get(LwM2mPath.parse("/1/0/7")))).isEqualTo(Value.of("U"));
    }

    @ParameterizedTest
    @MethodSource("senmlFormats")
    void int_235_read_composite_root(ContentFormat format) {
        ReadCompositeResponse r = fetch(format, "/");
        assertThat(r.content()).containsKeys(LwM2mPath.parse("/1"), LwM2mPath.parse("/3"), LwM2mPath.parse("/16"))
                .doesNotContainKeys(LwM2mPath.parse("/0"), LwM2mPath.parse("/21"), LwM2mPath.parse("/23"));
        assertThat(((LwM2mObject) r.content().get(LwM2mPath.parse("/3"))).instance(0))
                .isEqualTo(read("/3/0", ContentFormat.TLV));
    }

    @Test
    void int_236_read_composite_partial_presence() {
        ReadCompositeResponse r = fetch(ContentFormat.SENML_JSON, "/3/0/0", "/3339/0/5522", "/3353/0/6030");
        assertThat(r.content()).containsOnlyKeys(LwM2mPath.parse("/3/0/0"));
        assertThat(value(r.content().get(LwM2mPath.parse("/3/0/0")))).isEqualTo(Value.of("Wisp tests"));
    }

    @ParameterizedTest
    @MethodSource("senmlFormats")
    void int_230_write_composite(ContentFormat format) {
        Map<Integer, Value> identities = values(read("/16/0", ContentFormat.TLV), 0);
        patch(leaves("/1/0/1", Value.of(62), "/1/0/6", Value.of(true), "/16/0/0/0", Value.of("a"),
                "/16/0/0/1", Value.of("b"), "/16/0/0/2", Value.of("c"), "/16/0/0/3", Value.of("d")), format);
        awaitLifetime(62);
        LwM2mNode server = read("/1/0", format);
        assertThat(value(server, 1)).isEqualTo(Value.of(62));
        assertThat(value(server, 6)).isEqualTo(Value.of(true));
        assertThat(values(read("/16/0", format), 0)).isEqualTo(Map.of(0, Value.of("a"), 1, Value.of("b"),
                2, Value.of("c"), 3, Value.of("d")));

        patch(leaves("/1/0/1", Value.of(LIFETIME), "/1/0/6", Value.of(false), "/16/0/0/0", identities.get(0),
                "/16/0/0/1", identities.get(1), "/16/0/0/2", identities.get(2), "/16/0/0/3", identities.get(3)),
                format);
        awaitLifetime(LIFETIME);
        assertThat(values(read("/16/0", format), 0)).isEqualTo(identities);
    }

    @Test
    void int_257_write_composite_server_and_device() {
        patch(leaves("/1/0/2", Value.of(101), "/1/0/6", Value.of(true), "/3/0/13", Value.time(0)), null);
        ObjectInstance server = (ObjectInstance) read("/1/0", ContentFormat.TLV);
        assertThat(value(server, 2)).isEqualTo(Value.of(101));
        assertThat(value(server, 6)).isEqualTo(Value.of(true));
        assertThat(value(read("/3/0", ContentFormat.TLV), 13)).isEqualTo(Value.time(0));

        patch(leaves("/1/0/2", Value.of(1), "/1/0/6", Value.of(false), "/3/0/13", Value.time(1_700_000_000L)),
                ContentFormat.SENML_JSON);
        assertThat(value(read("/1/0", ContentFormat.TLV), 2)).isEqualTo(Value.of(1));
    }
}
