package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.object.ObjectException;
import io.wisp.client.object.Requester;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A Bootstrap-Pack (Core TS 1.2 §6.1) read from its composite form and applied to a client's objects. */
class BootstrapPackTest {
    private static final Codecs CODECS = Codecs.standard();

    @Test
    void values_by_path_are_gathered_into_instances_with_their_multiple_resources() {
        SortedMap<LwM2mPath, LwM2mNode> leaves = new TreeMap<>();
        leaves.put(LwM2mPath.of(2, 0, 0), SingleResource.of(0, Value.of(1L)));
        leaves.put(LwM2mPath.of(2, 0, 2, 101), ResourceInstance.of(101, Value.of(3L)));
        leaves.put(LwM2mPath.of(2, 0, 2, 0), ResourceInstance.of(0, Value.of(1L)));
        leaves.put(LwM2mPath.of(1, 0, 0), SingleResource.of(0, Value.of(101L)));

        SortedMap<LwM2mPath, ObjectInstance> instances = BootstrapPack.instances(leaves);

        assertThat(instances).containsOnlyKeys(LwM2mPath.of(1, 0), LwM2mPath.of(2, 0));
        MultipleResource acl = (MultipleResource) instances.get(LwM2mPath.of(2, 0)).resource(2);
        assertThat(acl.instances()).containsOnlyKeys(0, 101);
        assertThat(acl.type()).isEqualTo(DataType.INTEGER);
        assertThat(instances.get(LwM2mPath.of(2, 0)).resource(0)).isEqualTo(SingleResource.of(0, Value.of(1L)));
    }

    @Test
    void a_value_at_object_level_is_not_a_pack() {
        SortedMap<LwM2mPath, LwM2mNode> nodes = new TreeMap<>(Map.of(LwM2mPath.of(1), LwM2mObject.of(1)));

        assertThat(BootstrapPack.instances(nodes)).isEmpty();
        SortedMap<LwM2mPath, LwM2mNode> single = new TreeMap<>(Map.of(LwM2mPath.of(1, 0, 0, 0),
                ResourceInstance.of(0, Value.of(1L))));
        single.put(LwM2mPath.of(1, 0, 0), SingleResource.of(0, Value.of(1L)));
        assertThatThrownBy(() -> BootstrapPack.instances(single)).isInstanceOf(ObjectException.class);
    }

    @Test
    void applying_replaces_everything_but_the_bootstrap_account_and_moves_a_colliding_security_instance() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101);
        ObjectInstance newServerSecurity = ObjectInstance.of(0, SingleResource.of(0, Value.of("coap://10.0.0.1")),
                SingleResource.of(1, Value.of(false)), SingleResource.of(2, Value.of(3L)),
                SingleResource.of(3, Value.of(new byte[0])), SingleResource.of(4, Value.of(new byte[0])),
                SingleResource.of(5, Value.of(new byte[0])), SingleResource.of(10, Value.of(202L)));
        ObjectInstance newServer = ObjectInstance.of(0, SingleResource.of(0, Value.of(202L)),
                SingleResource.of(1, Value.of(60L)), SingleResource.of(6, Value.of(false)),
                SingleResource.of(7, Value.of("U")));
        Map<LwM2mPath, LwM2mNode> pack = Map.of(LwM2mPath.of(0, 0), newServerSecurity, LwM2mPath.of(1, 0), newServer);
        byte[] payload = CODECS.encodeNodes(ContentFormat.SENML_CBOR, pack, f.tree.models());

        BootstrapPack.apply(f.tree, BootstrapPack.decode(CODECS, ContentFormat.SENML_CBOR, payload, f.tree));

        LwM2mObject security = (LwM2mObject) f.tree.read(Requester.LOCAL, LwM2mPath.of(0));
        assertThat(security.instances()).as("/0/0 stays the Bootstrap-Server Account; the pack's /0/0 moves")
                .containsOnlyKeys(0, 1);
        assertThat(security.instance(0).resource(0)).isEqualTo(SingleResource.of(0,
                Value.of(BootstrapFixture.BS_URI)));
        assertThat(security.instance(1).resource(10)).isEqualTo(SingleResource.of(10, Value.of(202L)));
        LwM2mObject servers = (LwM2mObject) f.tree.read(Requester.LOCAL, LwM2mPath.of(1));
        assertThat(servers.instances()).containsOnlyKeys(0);
        assertThat(servers.instance(0).resource(0)).isEqualTo(SingleResource.of(0, Value.of(202L)));
        assertThat(ConsistencyCheck.problem(f.tree)).isEmpty();
    }
}
