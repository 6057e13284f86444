package io.wisp.app.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wisp.app.http.ApiProblem;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import org.junit.jupiter.api.Test;

/** Writes are typed by the object model: the bundled Device (3) and Server (1) definitions here. */
class NodeReaderTest {
    private static final ObjectModels MODELS = ModelRegistry.bundled();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final NodeReader reader = new NodeReader(MODELS);
    private final NodeJson writer = new NodeJson(MODELS);

    private LwM2mNode read(String json, String path) throws Exception {
        return reader.read(MAPPER.readTree(json), LwM2mPath.parse(path), Version.V1_0, "body");
    }

    @Test
    void an_instance_a_multiple_resource_and_a_resource_instance_take_their_types_from_the_model()
            throws Exception {
        assertThat(read("{\"resources\": {\"1\": {\"value\": 300}, \"6\": {\"value\": false}}}", "/1/0"))
                .isEqualTo(ObjectInstance.of(0, SingleResource.of(1, Value.of(300)),
                        SingleResource.of(6, Value.of(false))));
        assertThat(read("{\"values\": {\"0\": 3800, \"1\": 5000}}", "/3/0/7"))
                .isEqualTo(MultipleResource.of(7, DataType.INTEGER, ResourceInstance.of(0, Value.of(3800)),
                        ResourceInstance.of(1, Value.of(5000))));
        assertThat(read("{\"value\": 4200}", "/3/0/7/1")).isEqualTo(ResourceInstance.of(1, Value.of(4200)));
        assertThat(read("{\"value\": \"2023-11-14T22:13:20Z\"}", "/3/0/13"))
                .isEqualTo(SingleResource.of(13, Value.time(1_700_000_000L)));
    }

    @Test
    void the_json_of_a_node_reads_back_as_the_node() throws Exception {
        LwM2mNode node = ObjectInstance.of(0, SingleResource.of(0, Value.of("Wisp")),
                MultipleResource.of(7, DataType.INTEGER, ResourceInstance.of(0, Value.of(1))),
                SingleResource.of(13, Value.time(5)));

        String json = writer.write(node, LwM2mPath.parse("/3/0")).toString();

        assertThat(read(json, "/3/0")).isEqualTo(node);
    }

    @Test
    void mistakes_are_400s_naming_the_member() {
        assertField("{\"resources\": {\"7\": {\"value\": 1}}}", "/3/0", "body.resources.7.value");
        assertField("{\"values\": {\"0\": \"x\"}}", "/3/0/0", "body.values");
        assertField("{\"value\": 1, \"type\": \"STRING\"}", "/3/0/9", "body.type");
        assertField("{\"value\": 1}", "/3/0/9999", "body.type");
        assertField("{\"resources\": {\"x\": {\"value\": 1}}}", "/3/0", "body.resources.x");
        assertField("[1]", "/3/0/9", "body");
        assertField("{\"resources\": {}, \"oops\": 1}", "/3/0/9", "body.value");
    }

    @Test
    void a_resource_no_model_defines_is_written_with_its_type() throws Exception {
        assertThat(read("{\"type\": \"FLOAT\", \"value\": 1.5}", "/3/0/9999"))
                .isEqualTo(SingleResource.of(9999, Value.of(1.5)));
    }

    private void assertField(String json, String path, String field) {
        assertThatThrownBy(() -> read(json, path)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.field()).isEqualTo(field);
        });
    }
}
