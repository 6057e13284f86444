package io.wisp.core.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.attributes.AttributeUpdate;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operation records refuse what the TS forbids at construction, naming the field (Core TS §6.3). */
class OperationRequestsTest {
    private static final SingleResource LIFETIME = SingleResource.of(1, Value.of(60));

    private static void refused(Runnable build, String field) {
        assertThatThrownBy(build::run).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith(field);
    }

    @Test
    void read_refuses_the_root_and_formats_that_cannot_carry_a_node() {
        refused(() -> ReadRequest.of("/"), "path");
        refused(() -> ReadRequest.of("/3/0", ContentFormat.LINK), "format");
        refused(() -> ReadRequest.of("/3/0", ContentFormat.SENML_ETCH_JSON), "format");
        assertThat(ReadRequest.of("/3/0/11/0", ContentFormat.TEXT).path()).isEqualTo(LwM2mPath.of(3, 0, 11, 0));
        assertThat(ReadRequest.of("/3").requestedFormat()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/1"})
    void write_refuses_the_root_and_whole_objects(String path) {
        LwM2mNode node = path.equals("/") ? LIFETIME : LwM2mObject.of(1, ObjectInstance.of(0, LIFETIME));
        refused(() -> WriteRequest.replace(path, node), "path");
    }

    @Test
    void write_requires_the_node_the_path_addresses() {
        refused(() -> WriteRequest.replace("/1/0/2", LIFETIME), "node");
        refused(() -> WriteRequest.replace("/1/0", LIFETIME), "node");
        refused(() -> WriteRequest.replace("/1/0/1/0", LIFETIME), "node");
        refused(() -> WriteRequest.replace("/1/3", ObjectInstance.of(0, LIFETIME)), "node");
        assertThat(WriteRequest.replace("/1/0/1", LIFETIME).mode()).isEqualTo(WriteRequest.Mode.REPLACE);
    }

    @Test
    void partial_update_targets_an_instance_or_a_multiple_resource() {
        refused(() -> WriteRequest.update("/1/0/1", LIFETIME), "path");
        refused(() -> new WriteRequest(WriteRequest.Mode.PARTIAL_UPDATE, LwM2mPath.parse("/3/0/11/0"),
                ResourceInstance.of(0, Value.of(1)), null), "path");
        assertThat(WriteRequest.update("/1/0", ObjectInstance.of(0, LIFETIME)).mode())
                .isEqualTo(WriteRequest.Mode.PARTIAL_UPDATE);
        assertThat(WriteRequest.update("/16/0/0", MultipleResource.of(0, DataType.STRING,
                ResourceInstance.of(4, Value.of("x")))).path()).isEqualTo(LwM2mPath.of(16, 0, 0));
    }

    @Test
    void replace_value_builds_the_leaf_for_its_path() {
        assertThat(WriteRequest.replaceValue("/1/0/1", Value.of(60), null).node()).isEqualTo(LIFETIME);
        assertThat(WriteRequest.replaceValue("/16/0/0/3", Value.of("t"), null).node())
                .isEqualTo(ResourceInstance.of(3, Value.of("t")));
        refused(() -> WriteRequest.replaceValue("/1/0", Value.of(60), null), "path");
        refused(() -> WriteRequest.replaceValue("/1/0/1", Value.of(60), ContentFormat.LINK), "format");
    }

    @Test
    void write_attributes_needs_an_attribute_attachable_at_its_path() {
        refused(() -> WriteAttributesRequest.of("/", "pmin=1"), "path");
        refused(() -> new WriteAttributesRequest(LwM2mPath.parse("/3/0"), AttributeUpdate.EMPTY), "attributes");
        refused(() -> WriteAttributesRequest.of("/3/0", "gt=5"), "attributes");
        assertThat(WriteAttributesRequest.of("/3/0/9", "gt=5&pmin=10").attributes().queryParts())
                .containsExactly("gt=5", "pmin=10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/3", "/3/0", "/3/0/4/0"})
    void execute_targets_a_resource(String path) {
        refused(() -> ExecuteRequest.of(path), "path");
    }

    @Test
    void execute_keeps_its_arguments() {
        ExecuteRequest r = ExecuteRequest.of("/3/0/4", "0='a',1");
        assertThat(r.arguments().value(0)).contains("a");
        assertThat(r.arguments().has(1)).isTrue();
        assertThat(ExecuteRequest.of("/3/0/4").arguments()).isEqualTo(ExecuteArguments.EMPTY);
    }

    @Test
    void create_names_the_object_and_who_chooses_the_id() {
        CreateRequest server = CreateRequest.of(16, ObjectInstance.of(4, LIFETIME));
        assertThat(server.clientChoosesId()).isFalse();
        assertThat(server.objectPath()).isEqualTo(LwM2mPath.of(16));
        CreateRequest client = CreateRequest.clientChoosesId(16, List.of(LIFETIME), null);
        assertThat(client.clientChoosesId()).isTrue();
        assertThatThrownBy(() -> CreateRequest.of(65535, ObjectInstance.of(0, LIFETIME)))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("objectId");
        refused(() -> new CreateRequest(16, ObjectInstance.of(0, LIFETIME), ContentFormat.TEXT), "format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/16", "/16/0/0"})
    void delete_targets_an_instance_or_a_resource_instance(String path) {
        refused(() -> DeleteRequest.of(path), "path");
    }

    @Test
    void delete_accepts_instances_and_resource_instances() {
        assertThat(DeleteRequest.of("/16/2").path().isObjectInstance()).isTrue();
        assertThat(DeleteRequest.of("/16/2/0/1").path().isResourceInstance()).isTrue();
    }

    @Test
    void discover_refuses_the_root_and_depths_beyond_3() {
        refused(() -> DiscoverRequest.of("/"), "path");
        refused(() -> DiscoverRequest.of("/3", 4), "depth");
        refused(() -> DiscoverRequest.of("/3", -1), "depth");
        assertThat(DiscoverRequest.of("/3", 0).requestedDepth()).hasValue(0);
        assertThat(DiscoverRequest.of("/3").requestedDepth()).isEmpty();
    }

    @Test
    void read_composite_needs_distinct_paths_and_composite_formats() {
        refused(() -> new ReadCompositeRequest(List.of(), null, null), "paths");
        refused(() -> ReadCompositeRequest.of("/3/0", "/3/0"), "paths");
        refused(() -> ReadCompositeRequest.of(ContentFormat.TLV, "/3/0"), "requestFormat");
        refused(() -> new ReadCompositeRequest(List.of(LwM2mPath.ROOT), null, ContentFormat.SENML_ETCH_CBOR),
                "responseFormat");
        refused(() -> new ReadCompositeRequest(List.of(LwM2mPath.ROOT), ContentFormat.LWM2M_CBOR, null),
                "requestFormat");
        assertThat(ReadCompositeRequest.of("/", "/3/0/1").paths()).hasSize(2);
    }

    @Test
    void write_composite_needs_values_that_fit_their_paths() {
        refused(() -> WriteCompositeRequest.of(Map.of()), "nodes");
        refused(() -> WriteCompositeRequest.of(Map.of(LwM2mPath.parse("/1/0/2"), LIFETIME)), "nodes[/1/0/2]");
        refused(() -> WriteCompositeRequest.of(Map.of(LwM2mPath.parse("/1"), LwM2mObject.of(1))), "nodes");
        refused(() -> WriteCompositeRequest.of(Map.of(LwM2mPath.parse("/1/0/1"), LIFETIME), ContentFormat.TLV),
                "format");
        TreeMap<LwM2mPath, LwM2mNode> nodes = new TreeMap<>(Map.of(LwM2mPath.parse("/1/0/1"), LIFETIME));
        WriteCompositeRequest r = WriteCompositeRequest.of(nodes);
        nodes.clear();
        assertThat(r.nodes()).hasSize(1);
    }
}
