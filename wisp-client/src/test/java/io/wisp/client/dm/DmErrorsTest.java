package io.wisp.client.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.testing.TestDevice;
import io.wisp.client.testing.TestModels;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.transport.CoapMethod;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every refusal a server can provoke gets its code, a diagnostic and no change. */
class DmErrorsTest {
    private final TestDevice device = new TestDevice();

    @Test
    void not_found_for_a_missing_object_instance_resource_or_value() {
        assertThat(device.get("/42/0", ContentFormat.TLV).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.get("/3/1", ContentFormat.TLV).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.get("/3/0/99", ContentFormat.TLV).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.get("/3/0/22", ContentFormat.TLV).code()).as("optional, no value")
                .isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.get("/3/0/11/7", ContentFormat.TLV).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.get("/rd/x", ContentFormat.TLV).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.put("/3/5/13", ContentFormat.TEXT, "1".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo(ResponseCode.NOT_FOUND);
    }

    /** The check of ETS int-256, without sockets. */
    @Test
    void a_write_to_a_read_only_resource_is_not_allowed_and_changes_nothing() {
        DmResponse r = device.put("/1/0/0", ContentFormat.TEXT, "123".getBytes(StandardCharsets.UTF_8));

        assertThat(r.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(r.diagnostic()).contains("/1/0/0").contains("not writable");
        assertThat(device.get("/1/0/0", ContentFormat.TEXT).payloadText()).isEqualTo("1");
    }

    @Test
    void method_not_allowed_for_reading_write_only_or_executable_resources_and_odd_methods() {
        assertThat(device.get("/10241/0/" + TestModels.WRITE_ONLY, ContentFormat.TEXT).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(device.get("/3/0/4", ContentFormat.TEXT).code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(device.send(InboundRequest.of(CoapMethod.PATCH, "/3/0")).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(device.send(InboundRequest.of(CoapMethod.GET, "/")).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(device.put("/3", ContentFormat.TLV, new byte[] {1}).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(device.put("/3/0/4", ContentFormat.TEXT, new byte[] {'1'}).code()).as("a Write of Reboot")
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    /** The check of ETS int-221, without sockets. */
    @Test
    void the_security_object_is_unauthorized_to_servers() {
        assertThat(device.get("/0", ContentFormat.TLV).code()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(device.put("/0/0/0", ContentFormat.TEXT, "coap://evil".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(device.send(InboundRequest.of(CoapMethod.PUT, "/0").withQuery("pmin=10")).code())
                .isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(device.get("/0", ContentFormat.LINK).code()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(device.local("/0/0/0")).isEqualTo(SingleResource.of(0, Value.of("coap://127.0.0.1:5683")));
    }

    @Test
    void not_acceptable_for_an_accept_the_client_cannot_produce() {
        assertThat(device.send(InboundRequest.of(CoapMethod.GET, "/3/0").withAccept(9999)).code())
                .isEqualTo(ResponseCode.NOT_ACCEPTABLE);
        assertThat(device.get("/3/0", ContentFormat.TEXT).code()).as("text carries single values only")
                .isEqualTo(ResponseCode.NOT_ACCEPTABLE);
        assertThat(device.get("/3/0/0", ContentFormat.OPAQUE).code()).as("a string is not opaque")
                .isEqualTo(ResponseCode.NOT_ACCEPTABLE);
        assertThat(device.get("/3/0/11", ContentFormat.CBOR).code()).isEqualTo(ResponseCode.NOT_ACCEPTABLE);
    }

    @Test
    void unsupported_content_format_for_a_payload_the_client_cannot_read() {
        assertThat(device.put("/1/0/1", ContentFormat.of(9999), new byte[] {1}).code())
                .isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(device.put("/1/0", ContentFormat.TEXT, "60".getBytes(StandardCharsets.UTF_8)).code())
                .as("text cannot carry an instance").isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(device.send(InboundRequest.of(CoapMethod.IPATCH, "/")
                .withPayload(ContentFormat.TLV.code(), new byte[] {(byte) 0xC1, 1, 5})).code())
                .isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
    }

    @Test
    void bad_request_for_malformed_payloads_and_values() {
        assertThat(device.put("/1/0", ContentFormat.TLV, new byte[] {(byte) 0xC8, 1}).code())
                .as("truncated TLV").isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.put("/1/0/1", ContentFormat.TEXT, "sixty".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.put("/1/0/1", ContentFormat.SENML_JSON, "[{".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.put("/10241/0/" + TestModels.PERCENT, ContentFormat.TEXT,
                "101".getBytes(StandardCharsets.UTF_8)).code()).as("out of range 0..100")
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.put("/1/0/1", ContentFormat.TEXT, "0".getBytes(StandardCharsets.UTF_8)).code())
                .as("lifetime below 1 s").isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.put("/3/0/14", ContentFormat.TEXT, "noon".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.send(InboundRequest.of(CoapMethod.PUT, "/1/0/1").withPayload(InboundRequest.NONE,
                "60".getBytes(StandardCharsets.UTF_8))).code()).as("no Content-Format")
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.send(InboundRequest.of(CoapMethod.PUT, "/1/0/1")).code()).as("neither payload nor query")
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.local("/1/0/1")).isEqualTo(SingleResource.of(1, Value.of(300L)));
    }

    @Test
    void an_enabler_that_breaks_gets_an_internal_error_without_its_stack_trace() {
        device.tree.add(new ModelEnabler(ModelRegistry.bundled().find(3342).orElseThrow()) {
            {
                addInstance(0);
            }

            @Override
            protected Value readValue(int instanceId, int resourceId, Value stored) {
                throw new IllegalStateException("secret internals at Foo.java:12");
            }
        });

        DmResponse r = device.get("/3342/0/5500", ContentFormat.TEXT);

        assertThat(r.code()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
        assertThat(r.diagnostic()).doesNotContain("secret").doesNotContain("Foo.java");
        assertThat(r.payload()).isEmpty();
    }
}
