package io.wisp.client.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.object.std.ClientActions;
import io.wisp.client.object.std.DeviceObject;
import io.wisp.client.object.std.SecurityObject;
import io.wisp.client.object.std.ServerObject;
import io.wisp.client.testing.RecordingListener;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.LinkFormat;
import io.wisp.core.link.ObjectLinks;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The object tree: Register links, routing by object ID, change forwarding. */
class ObjectTreeTest {
    private final ObjectTree tree = new ObjectTree();

    ObjectTreeTest() {
        tree.add(new SecurityObject().addServer(0, "coap://127.0.0.1", 1).addBootstrapServer(1, "coap://127.0.0.1:5783"));
        tree.add(new ServerObject(ClientActions.NONE).addServer(0, 1, 60, "U"));
        tree.add(new DeviceObject("S1", ClientActions.NONE, Clock.systemUTC()));
        ModelEnabler light = new ModelEnabler(ModelRegistry.bundled().find(3311).orElseThrow());
        light.addInstance(0);
        light.addInstance(1);
        tree.add(light);
        tree.add(new ModelEnabler(ModelRegistry.bundled().find(3342).orElseThrow()));
        tree.add(new ModelEnabler(ModelRegistry.bundled().find(3341).orElseThrow()));
    }

    /** The check of ETS int-101, without sockets. */
    @Test
    void register_links_list_objects_and_instances_with_versions_and_never_security() {
        String payload = LinkFormat.print(tree.objectLinks(ObjectTree.rootLink("/",
                List.of(ContentFormat.SENML_CBOR, ContentFormat.TLV))));

        assertThat(payload).isEqualTo("</>;rt=\"oma.lwm2m\";ct=\"112 11542\",</1>;ver=1.2,</1/0>,</3>;ver=1.2,</3/0>,"
                + "</3311/0>,</3311/1>,</3341>,</3342>;ver=1.1");
        ObjectLinks read = ObjectLinks.parse(payload);
        assertThat(read.objectIds()).containsExactly(1, 3, 3311, 3341, 3342);
        assertThat(read.version(3342)).contains(new Version(1, 1));
        assertThat(read.instances(3311)).containsExactly(0, 1);
        assertThat(read.contentFormats()).containsExactly(ContentFormat.SENML_CBOR, ContentFormat.TLV);
    }

    @Test
    void links_without_root_and_under_an_alternate_path() {
        assertThat(tree.objectLinks(null).get(0).toString()).isEqualTo("</1>;ver=1.2");
        String alternate = LinkFormat.print(tree.objectLinks(ObjectTree.rootLink("/lwm2m", List.of())));
        assertThat(alternate).startsWith("</lwm2m>;rt=\"oma.lwm2m\",</lwm2m/1>;ver=1.2,</lwm2m/1/0>");
        assertThat(ObjectLinks.parse(alternate).alternatePath()).isEqualTo("/lwm2m");
    }

    @Test
    void operations_reach_the_enabler_of_the_path_and_unknown_objects_are_not_found() {
        assertThat(tree.read(Requester.server(1), LwM2mPath.parse("/3/0/2")))
                .isEqualTo(SingleResource.of(2, Value.of("S1")));
        assertThatThrownBy(() -> tree.read(Requester.server(1), LwM2mPath.parse("/9/0")))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.NOT_FOUND));
        assertThatThrownBy(() -> tree.read(Requester.server(1), LwM2mPath.ROOT))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));
        assertThatThrownBy(() -> tree.read(Requester.server(1), LwM2mPath.parse("/0/0")))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.UNAUTHORIZED));
        assertThat(tree.read(Requester.LOCAL, LwM2mPath.parse("/0/1/1"))).isEqualTo(SingleResource.of(1,
                Value.of(true)));
    }

    @Test
    void exists_follows_instances_models_and_resource_instances() {
        assertThat(tree.exists(LwM2mPath.parse("/3311/1"))).isTrue();
        assertThat(tree.exists(LwM2mPath.parse("/3311/2"))).isFalse();
        assertThat(tree.exists(LwM2mPath.parse("/3/0/22"))).as("defined, even without value").isTrue();
        assertThat(tree.exists(LwM2mPath.parse("/3/0/99"))).isFalse();
        assertThat(tree.exists(LwM2mPath.parse("/3/0/11/0"))).isTrue();
        assertThat(tree.exists(LwM2mPath.parse("/3/0/11/1"))).isFalse();
    }

    @Test
    void changes_of_every_enabler_reach_the_tree_listeners_until_it_is_removed() {
        RecordingListener listener = new RecordingListener();
        tree.addListener(listener);
        ModelEnabler light = (ModelEnabler) tree.find(3311);

        light.set(0, 5850, Value.of(true));
        light.addInstance(7);
        tree.remove(3311);
        light.set(0, 5850, Value.of(false));

        assertThat(listener.heard).containsExactly("/3311/0/5850", "instances of 3311", "instances of 3311");
        assertThat(tree.objectIds()).containsExactly(0, 1, 3, 3341, 3342);
        assertThatThrownBy(() -> tree.add(new SecurityObject())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void models_are_the_tree_objects_own() {
        assertThat(tree.models().find(3).orElseThrow().objectVersion()).isEqualTo(new Version(1, 2));
        assertThat(tree.models().find(3, Version.V1_0).orElseThrow().objectVersion()).isEqualTo(new Version(1, 2));
        assertThat(tree.models().find(3303)).isEmpty();
        assertThat(tree.models().all()).hasSize(6);
    }
}
