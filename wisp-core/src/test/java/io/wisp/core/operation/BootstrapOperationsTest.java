package io.wisp.core.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.DiscoverLink;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Bootstrap interface records refuse what the TS forbids at construction, naming the field (Core TS §6.1). */
class BootstrapOperationsTest {
    private static final SingleResource SECRET = SingleResource.of(5, Value.of(new byte[] {0x5e, 0x7c}));

    private static void refused(Runnable build, String field) {
        assertThatThrownBy(build::run).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/0/0", "/1/0/1", "/3/0/11/0"})
    void bootstrap_discover_targets_the_root_or_an_object(String path) {
        refused(() -> BootstrapDiscoverRequest.of(path), "path");
    }

    @Test
    void bootstrap_read_targets_only_the_server_and_access_control_objects() {
        refused(() -> BootstrapReadRequest.of("/0"), "path");
        refused(() -> BootstrapReadRequest.of("/3/0"), "path");
        refused(() -> BootstrapReadRequest.of("/1/0/1"), "path");
        refused(() -> BootstrapReadRequest.of("/1", ContentFormat.LINK), "format");
        assertThat(BootstrapReadRequest.of("/2/0").path()).isEqualTo(LwM2mPath.of(2, 0));
        assertThat(BootstrapReadRequest.of("/1").requestedFormat()).isEmpty();
    }

    @Test
    void bootstrap_write_may_target_a_whole_object_but_not_the_root_or_a_resource_instance() {
        LwM2mObject security = LwM2mObject.of(0, ObjectInstance.of(1, SECRET));
        assertThat(BootstrapWriteRequest.of("/0", security).path()).isEqualTo(LwM2mPath.of(0));
        refused(() -> BootstrapWriteRequest.of("/", security), "path");
        refused(() -> new BootstrapWriteRequest(LwM2mPath.of(3, 0, 11, 0),
                ResourceInstance.of(0, Value.of(1)), null), "path");
        refused(() -> BootstrapWriteRequest.of("/0/1", SECRET), "node");
        refused(() -> BootstrapWriteRequest.of("/0/2", ObjectInstance.of(1, SECRET)), "node");
        refused(() -> BootstrapWriteRequest.of("/0/1", ObjectInstance.of(1, SECRET), ContentFormat.LINK), "format");
    }

    @Test
    void a_bootstrap_write_never_prints_its_value() {
        String text = BootstrapWriteRequest.of("/0/1", ObjectInstance.of(1, SECRET), ContentFormat.TLV).toString();
        assertThat(text).contains("/0/1").doesNotContain("5e7c").doesNotContain("0x");
    }

    @Test
    void bootstrap_delete_targets_the_root_an_object_or_an_instance() {
        assertThat(BootstrapDeleteRequest.all().path()).isEqualTo(LwM2mPath.ROOT);
        assertThat(BootstrapDeleteRequest.of("/0/3").path()).isEqualTo(LwM2mPath.of(0, 3));
        refused(() -> BootstrapDeleteRequest.of("/1/0/1"), "path");
    }

    @Test
    void bootstrap_and_pack_requests_need_an_endpoint_and_a_fitting_format() {
        refused(() -> BootstrapRequest.of(""), "endpoint");
        refused(() -> new BootstrapRequest("dev", ContentFormat.LINK), "preferredFormat");
        refused(() -> new BootstrapPackRequest("dev", ContentFormat.TLV), "format");
        assertThat(new BootstrapPackRequest("dev", ContentFormat.LWM2M_CBOR).requestedFormat())
                .contains(ContentFormat.LWM2M_CBOR);
        assertThat(new BootstrapRequest("dev", ContentFormat.SENML_CBOR).preferred())
                .contains(ContentFormat.SENML_CBOR);
    }

    @Test
    void a_bootstrap_discover_answer_tells_the_version_and_the_instances() {
        BootstrapDiscoverResponse response = new BootstrapDiscoverResponse(ResponseStatus.of(ResponseCode.CONTENT),
                DiscoverLink.parse("</>;lwm2m=\"1.1\",</0/0>;uri=\"coap://bs\",</0/1>;ssid=1,</1/0>;ssid=1,</3/0>"));

        assertThat(response.lwm2mVersion()).contains(Version.V1_1);
        assertThat(response.instances(0)).containsExactly(0, 1);
        assertThat(response.instances(1)).containsExactly(0);
        assertThat(response.link(LwM2mPath.of(0, 0)).orElseThrow().ssid()).isEmpty();
        assertThat(new BootstrapDiscoverResponse(ResponseStatus.of(ResponseCode.CONTENT),
                DiscoverLink.parse("</0/0>,</3/0>")).lwm2mVersion()).isEmpty();
    }

    @Test
    void finish_4_06_means_an_inconsistent_configuration_and_a_pack_keeps_its_nodes_out_of_logs() {
        assertThat(new BootstrapFinishResponse(ResponseStatus.of(ResponseCode.NOT_ACCEPTABLE))
                .isInconsistentConfiguration()).isTrue();
        assertThat(new BootstrapFinishResponse(ResponseStatus.of(ResponseCode.CHANGED))
                .isInconsistentConfiguration()).isFalse();
        BootstrapPackResponse pack = new BootstrapPackResponse(ResponseStatus.of(ResponseCode.CONTENT),
                new TreeMap<>(Map.of(LwM2mPath.of(0, 1), ObjectInstance.of(1, SECRET))));
        assertThat(pack.toString()).contains("/0/1").doesNotContain("5e7c");
        assertThatThrownBy(() -> new BootstrapPackResponse(ResponseStatus.of(ResponseCode.CONTENT), new TreeMap<>()))
                .hasMessageStartingWith("nodes");
        assertThatThrownBy(() -> new BootstrapReadResponse(ResponseStatus.of(ResponseCode.CONTENT), null))
                .hasMessageContaining("content");
    }
}
