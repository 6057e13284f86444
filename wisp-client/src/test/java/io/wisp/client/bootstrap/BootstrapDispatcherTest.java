package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.dm.DmResponse;
import io.wisp.client.dm.InboundRequest;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.client.object.std.ClientActions;
import io.wisp.client.object.std.DeviceObject;
import io.wisp.client.object.std.SecurityObject;
import io.wisp.client.object.std.SensorObject;
import io.wisp.client.object.std.ServerObject;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.DiscoverLink;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Bootstrap interface served on a client's objects, request by request (no sockets): what each operation does
 * to the objects and what the Bootstrap-Server is answered (Core TS §6.1, Transport TS §6.1).
 */
class BootstrapDispatcherTest {
    private static final Codecs CODECS = Codecs.standard();
    private static final String BS_URI = "coap://127.0.0.1:5783";
    private static final String DM_URI = "coap://127.0.0.1:5683";

    private final ObjectTree tree = new ObjectTree();
    private final SecurityObject security = new SecurityObject();
    private final ServerObject servers = new ServerObject(ClientActions.NONE);
    private final BootstrapDispatcher dispatcher = new BootstrapDispatcher(tree, CODECS, Version.V1_1, Optional::empty);

    BootstrapDispatcherTest() {
        security.addBootstrapServer(0, BS_URI);
        security.addServer(1, DM_URI, 101);
        servers.addServer(0, 101, 300, "U");
        tree.add(security);
        tree.add(servers);
        tree.add(new DeviceObject("SN-1", ClientActions.NONE, Clock.systemUTC()));
        tree.add(SensorObject.of(3303, Clock.systemUTC(), 7));
    }

    /** Decodes and serves, answering a request that carries no operation with its refusal, as the engine does. */
    private DmResponse handle(InboundRequest request) {
        try {
            return dispatcher.serve(dispatcher.decode(request));
        } catch (ObjectException e) {
            return DmResponse.error(e.code(), e.getMessage());
        }
    }

    private DmResponse write(String path, LwM2mNode node) {
        LwM2mPath p = LwM2mPath.parse(path);
        byte[] tlv = CODECS.encode(ContentFormat.TLV, node, p, tree.models());
        return handle(InboundRequest.of(CoapMethod.PUT, path).withPayload(ContentFormat.TLV.code(), tlv));
    }

    private LwM2mObject object(int id) {
        return (LwM2mObject) tree.read(Requester.LOCAL, LwM2mPath.of(id));
    }

    @Test
    void delete_of_root_keeps_the_bootstrap_account_and_the_device_instance_only() {
        DmResponse answer = handle(InboundRequest.of(CoapMethod.DELETE, "/"));

        assertThat(answer.code()).isEqualTo(ResponseCode.DELETED);
        assertThat(object(0).instances()).containsOnlyKeys(0);
        assertThat(object(0).instance(0).resource(0)).isEqualTo(SingleResource.of(0, Value.of(BS_URI)));
        assertThat(object(1).instances()).isEmpty();
        assertThat(object(3).instances()).containsOnlyKeys(0);
        assertThat(object(3303).instances()).isEmpty();
    }

    @Test
    void delete_naming_the_bootstrap_account_or_the_device_leaves_them_in_place() {
        assertThat(handle(InboundRequest.of(CoapMethod.DELETE, "/0/0")).code()).isEqualTo(ResponseCode.DELETED);
        assertThat(handle(InboundRequest.of(CoapMethod.DELETE, "/3")).code()).isEqualTo(ResponseCode.DELETED);
        assertThat(handle(InboundRequest.of(CoapMethod.DELETE, "/0")).code()).isEqualTo(ResponseCode.DELETED);

        assertThat(object(0).instances()).containsOnlyKeys(0);
        assertThat(object(3).instances()).containsOnlyKeys(0);
    }

    @Test
    void delete_of_one_instance_and_of_an_unknown_object() {
        assertThat(handle(InboundRequest.of(CoapMethod.DELETE, "/1/0")).code()).isEqualTo(ResponseCode.DELETED);
        assertThat(handle(InboundRequest.of(CoapMethod.DELETE, "/32000")).code()).isEqualTo(ResponseCode.DELETED);

        assertThat(object(1).instances()).isEmpty();
        assertThat(object(0).instances()).containsOnlyKeys(0, 1);
        assertThat(handle(InboundRequest.of(CoapMethod.DELETE, "/1/0/1")).code())
                .isEqualTo(ResponseCode.BAD_REQUEST);
    }

    @Test
    void object_level_write_creates_every_instance_it_carries_and_keeps_the_others() {
        LwM2mObject two = LwM2mObject.of(1, server(1, 202, 60), server(2, 303, 90));

        assertThat(write("/1", two).code()).isEqualTo(ResponseCode.CHANGED);

        assertThat(object(1).instances()).containsOnlyKeys(0, 1, 2);
        assertThat(object(1).instance(2).resource(0)).isEqualTo(SingleResource.of(0, Value.of(303)));
        assertThat(object(1).instance(1).resource(1)).isEqualTo(SingleResource.of(1, Value.of(60)));
        assertThat(object(1).instance(0).resource(0)).isEqualTo(SingleResource.of(0, Value.of(101)));
    }

    @Test
    void instance_write_replaces_an_existing_instance_including_read_only_resources() {
        assertThat(write("/1/0", server(0, 555, 42)).code()).isEqualTo(ResponseCode.CHANGED);

        ObjectInstance written = object(1).instance(0);
        assertThat(written.resource(0)).as("the Short Server ID is read-only to servers")
                .isEqualTo(SingleResource.of(0, Value.of(555)));
        assertThat(written.resource(1)).isEqualTo(SingleResource.of(1, Value.of(42)));
    }

    @Test
    void resource_write_to_a_missing_instance_creates_it() {
        DmResponse answer = write("/1/4/1", SingleResource.of(1, Value.of(77)));

        assertThat(answer.code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(object(1).instance(4).resource(1)).isEqualTo(SingleResource.of(1, Value.of(77)));
    }

    @Test
    void write_refusals_name_the_problem_with_the_right_code() {
        assertThat(write("/32000/0", ObjectInstance.of(0, SingleResource.of(0, Value.of("x")))).code())
                .isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(handle(InboundRequest.of(CoapMethod.PUT, "/1/0").withPayload(ContentFormat.TLV.code(),
                new byte[] {(byte) 0xC8, 0x01})).code()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(handle(InboundRequest.of(CoapMethod.PUT, "/1/0").withPayload(4711, new byte[] {1})).code())
                .isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        DmResponse noFormat = handle(new InboundRequest(CoapMethod.PUT, List.of("1", "0"), List.of(),
                InboundRequest.NONE, InboundRequest.NONE, InboundRequest.NONE, 0, new byte[] {1}));
        assertThat(noFormat.code()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(noFormat.diagnostic()).contains("Content-Format");
        DmResponse reservedId = write("/1", LwM2mObject.of(1, server(65535, 202, 60)));
        assertThat(reservedId.code()).as("instance ID 65535 is reserved").isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(reservedId.diagnostic()).contains("65535");
        assertThat(object(1).instances()).containsOnlyKeys(0);
    }

    @Test
    void discover_of_root_lists_version_objects_instances_and_account_attributes() {
        DmResponse answer = handle(InboundRequest.of(CoapMethod.GET, "/").withAccept(ContentFormat.LINK.code()));

        assertThat(answer.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(answer.contentFormat()).isEqualTo(ContentFormat.LINK.code());
        assertThat(answer.payloadText()).startsWith("</>;lwm2m=1.1,");
        List<DiscoverLink> links = DiscoverLink.parse(answer.payloadText());
        DiscoverLink account = link(links, "/0/0");
        assertThat(account.ssid()).isEmpty();
        assertThat(account.uri()).contains(BS_URI);
        DiscoverLink dm = link(links, "/0/1");
        assertThat(dm.ssid()).hasValue(101);
        assertThat(dm.uri()).contains(DM_URI);
        assertThat(link(links, "/1/0").ssid()).hasValue(101);
        assertThat(link(links, "/1").ver()).as("Server object 1.2").contains(new Version(1, 2));
        assertThat(links).extracting(l -> l.path().toString()).contains("/3/0", "/3303/0");
    }

    @Test
    void discover_of_an_object_lists_that_object_only() {
        DmResponse answer = handle(InboundRequest.of(CoapMethod.GET, "/0").withAccept(ContentFormat.LINK.code()));

        assertThat(DiscoverLink.parse(answer.payloadText())).extracting(l -> l.path().toString())
                .containsExactly("/0", "/0/0", "/0/1");
        assertThat(handle(InboundRequest.of(CoapMethod.GET, "/1/0").withAccept(ContentFormat.LINK.code())).code())
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(handle(InboundRequest.of(CoapMethod.GET, "/9").withAccept(ContentFormat.LINK.code())).code())
                .isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void read_serves_the_server_object_and_refuses_other_objects() {
        DmResponse read = handle(InboundRequest.of(CoapMethod.GET, "/1").withAccept(ContentFormat.TLV.code()));

        assertThat(read.code()).isEqualTo(ResponseCode.CONTENT);
        LwM2mObject decoded = (LwM2mObject) CODECS.decode(ContentFormat.TLV, read.payload(), LwM2mPath.of(1),
                tree.models());
        assertThat(decoded.instance(0).resource(0)).isEqualTo(SingleResource.of(0, Value.of(101)));
        assertThat(handle(InboundRequest.of(CoapMethod.GET, "/0")).code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(handle(InboundRequest.of(CoapMethod.GET, "/3/0")).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(handle(InboundRequest.of(CoapMethod.GET, "/1/0/1")).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(handle(InboundRequest.of(CoapMethod.GET, "/1").withAccept(4711)).code())
                .isEqualTo(ResponseCode.NOT_ACCEPTABLE);
    }

    @Test
    void finish_accepts_a_consistent_configuration_and_refuses_an_inconsistent_one_with_4_06() {
        InboundRequest finish = InboundRequest.of(CoapMethod.POST, "/bs");
        assertThat(handle(finish).code()).isEqualTo(ResponseCode.CHANGED);

        write("/1/3/5", SingleResource.of(5, Value.of(86400)));
        DmResponse refused = handle(finish);

        assertThat(refused.code()).isEqualTo(ResponseCode.NOT_ACCEPTABLE);
        assertThat(refused.diagnostic()).contains("/1/3");
    }

    @Test
    void finish_is_refused_when_the_client_cannot_use_the_accounts() {
        BootstrapDispatcher picky = new BootstrapDispatcher(tree, CODECS, Version.V1_1,
                () -> Optional.of("/0/1/0: only coap:// server URIs are supported"));

        DmResponse refused = picky.serve(picky.decode(InboundRequest.of(CoapMethod.POST, "/bs")));

        assertThat(refused.code()).isEqualTo(ResponseCode.NOT_ACCEPTABLE);
        assertThat(refused.diagnostic()).contains("coap://");
    }

    @Test
    void methods_and_paths_outside_the_bootstrap_interface_are_refused() {
        assertThat(handle(InboundRequest.of(CoapMethod.POST, "/1/0/8")).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(handle(InboundRequest.of(CoapMethod.FETCH, "/")).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(handle(InboundRequest.of(CoapMethod.DELETE, "/x/1")).code())
                .isEqualTo(ResponseCode.BAD_REQUEST);
    }

    private static DiscoverLink link(List<DiscoverLink> links, String path) {
        return links.stream().filter(l -> l.path().toString().equals(path)).findFirst().orElseThrow();
    }

    private static ObjectInstance server(int instanceId, int ssid, long lifetime) {
        return ObjectInstance.of(instanceId, SingleResource.of(0, Value.of(ssid)),
                SingleResource.of(1, Value.of(lifetime)), SingleResource.of(6, Value.of(false)),
                SingleResource.of(7, Value.of("U")));
    }
}
