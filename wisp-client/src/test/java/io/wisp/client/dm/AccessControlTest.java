package io.wisp.client.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.object.Requester;
import io.wisp.client.object.std.AccessControlObject;
import io.wisp.client.testing.TestDevice;
import io.wisp.client.testing.TestModels;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.transport.CoapMethod;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Access Control (Core TS §7.3) with two servers: 1 owns most instances, 2 gets what the ACLs grant. */
class AccessControlTest {
    private static final Requester ONE = Requester.server(1);
    private static final Requester TWO = Requester.server(2);

    private final TestDevice device = new TestDevice();
    private final AccessControlObject acl = new AccessControlObject()
            .addEntry(0, 3, 0, 1, Map.of(2, AccessControlObject.READ))
            .addEntry(1, TestModels.ALL_TYPES_ID, AccessControlObject.OBJECT_LEVEL, 1,
                    Map.of(2, AccessControlObject.CREATE))
            .addEntry(2, 1, 0, 1, Map.of())
            .addEntry(3, 1, 1, 2, Map.of())
            .addEntry(4, TestModels.ALL_TYPES_ID, 0, 1, Map.of(0, AccessControlObject.READ));

    private void twoServers() {
        device.tree.add(acl);
        device.server.addServer(1, 2, 600, "U");
    }

    private DmResponse as(Requester server, InboundRequest request) {
        return device.dm.handle(request, server);
    }

    private static InboundRequest get(String path) {
        return InboundRequest.of(CoapMethod.GET, path).withAccept(ContentFormat.TLV.code());
    }

    private static InboundRequest putText(String path, String text) {
        return InboundRequest.of(CoapMethod.PUT, path).withPayload(0, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void with_one_server_access_control_does_not_apply() {
        device.tree.add(acl);

        assertThat(as(ONE, get("/3303/0")).code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(as(ONE, putText("/3/0/15", "Europe/Paris")).code()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void a_server_gets_the_rights_of_its_own_acl_entry() {
        twoServers();

        assertThat(as(TWO, get("/3/0")).code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(as(TWO, putText("/3/0/15", "Europe/Paris")).code()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(as(TWO, InboundRequest.of(CoapMethod.POST, "/3/0/4")).code()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(device.actions).isEmpty();
    }

    @Test
    void the_owner_without_an_entry_has_every_right() {
        twoServers();

        assertThat(as(ONE, putText("/3/0/15", "Europe/Paris")).code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(as(ONE, InboundRequest.of(CoapMethod.POST, "/3/0/4")).code()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void the_default_entry_applies_to_servers_without_their_own() {
        twoServers();

        assertThat(as(TWO, get("/10241/0")).code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(as(TWO, putText("/10241/0/0", "x")).code()).isEqualTo(ResponseCode.UNAUTHORIZED);
    }

    @Test
    void an_instance_without_access_control_instance_is_unauthorized() {
        twoServers();

        DmResponse r = as(TWO, get("/3303/0"));

        assertThat(r.code()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(r.diagnostic()).contains("server 2").contains("/3303/0");
    }

    @Test
    void reading_an_object_returns_only_the_instances_the_server_may_read() {
        twoServers();

        DmResponse r = as(TWO, get("/1"));

        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        LwM2mObject servers = (LwM2mObject) device.decode(r, "/1");
        assertThat(servers.instances().keySet()).containsExactly(1);
    }

    @Test
    void create_needs_the_object_level_right_and_makes_the_creator_the_owner() {
        twoServers();
        byte[] body = device.encode(ContentFormat.TLV, LwM2mObject.of(TestModels.ALL_TYPES_ID,
                ObjectInstance.of(5, SingleResource.of(0, Value.of("two's")))), "/10241");

        DmResponse created = as(TWO, InboundRequest.of(CoapMethod.POST, "/10241").withPayload(11542, body));

        assertThat(created.code()).isEqualTo(ResponseCode.CREATED);
        assertThat(as(TWO, putText("/10241/5/0", "mine")).code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(as(ONE, get("/10241/5")).code()).as("no entry, not the owner, no default")
                .isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(as(TWO, InboundRequest.of(CoapMethod.POST, "/3303")).code()).isEqualTo(ResponseCode.UNAUTHORIZED);

        assertThat(as(TWO, InboundRequest.of(CoapMethod.DELETE, "/10241/5")).code()).isEqualTo(ResponseCode.DELETED);
        assertThat(acl.instanceIds()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void only_the_owner_changes_an_access_control_instance_and_servers_never_create_one() {
        twoServers();

        assertThat(as(TWO, get("/2/0")).code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(as(TWO, putText("/2/0/2/2", "3")).code()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(as(ONE, putText("/2/0/2/2", "3")).code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(as(TWO, putText("/3/0/15", "Europe/Paris")).code()).as("write granted now")
                .isEqualTo(ResponseCode.CHANGED);
        assertThat(as(ONE, InboundRequest.of(CoapMethod.POST, "/2")).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void discover_is_not_subject_to_access_control() {
        twoServers();

        assertThat(as(TWO, InboundRequest.of(CoapMethod.GET, "/3303").withAccept(40)).code())
                .isEqualTo(ResponseCode.CONTENT);
    }
}
