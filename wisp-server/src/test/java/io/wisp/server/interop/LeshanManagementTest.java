package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.DiscoverLink;
import io.wisp.core.node.DataType;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.Value;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.CreateResponse;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.DeleteResponse;
import io.wisp.core.operation.DiscoverRequest;
import io.wisp.core.operation.DiscoverResponse;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.ExecuteResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.operation.WriteAttributesResponse;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.testing.LeshanDevice;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Discover, Write-Attributes, Execute, Create and Delete (Core TS §6.3.2, §6.3.4–§6.3.7) with the Leshan client:
 * ETS cases int-221, int-241, int-260, int-261, int-270, int-290; and the failures a caller must be able to tell
 * apart — the client's 4.04/4.05/4.06 as typed responses, a silent client as a typed timeout, a request the client
 * cannot take refused before it is sent — none of which disturbs another client.
 */
class LeshanManagementTest extends LeshanDmFixture {

    @Test
    void int_221_security_object_operations_refused() {
        ReadResponse read = send(ReadRequest.of("/0"));
        assertThat(read.isSuccess()).isFalse();
        assertThat(read.node()).isEmpty();
        assertThat(read.code()).as("the ETS asks 4.01; Leshan hides the object with 4.04")
                .isIn(ResponseCode.UNAUTHORIZED, ResponseCode.NOT_FOUND);
        assertThat(send(WriteRequest.replaceValue("/0/0/0", Value.of("coap://elsewhere"), ContentFormat.TEXT))
                .code()).isIn(ResponseCode.UNAUTHORIZED, ResponseCode.NOT_FOUND);
        assertThat(value(read("/3/0/0", ContentFormat.TEXT))).isEqualTo(Value.of("Wisp tests"));
    }

    @Test
    void int_241_reboot() {
        int before = objects.device.executions.size();
        ExecuteResponse r = send(ExecuteRequest.of("/3/0/4"));
        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(objects.device.executions).hasSize(before + 1).last().isEqualTo("4:Arguments [argumentMap={}]");
    }

    @Test
    void execute_sends_its_arguments_as_plain_text() {
        ExecuteResponse r = send(ExecuteRequest.of("/16/0/1", "0='abc',3"));
        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(objects.portfolio.executions).last().asString()
                .contains("digit=0, value=abc").contains("digit=3]");
    }

    @Test
    void int_260_discover() {
        DiscoverResponse object = send(DiscoverRequest.of("/3"));
        assertThat(object.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(object.paths()).startsWith(LwM2mPath.parse("/3"), LwM2mPath.parse("/3/0"))
                .contains(LwM2mPath.parse("/3/0/0"), LwM2mPath.parse("/3/0/11"), LwM2mPath.parse("/3/0/16"));
        assertThat(object.link(LwM2mPath.parse("/3/0/7")).orElseThrow().dim()).hasValue(2);

        assertThat(send(WriteAttributesRequest.of("/3/0/7", "gt=50&lt=42.2&st=0.5")).code())
                .isEqualTo(ResponseCode.CHANGED);
        DiscoverLink voltage = send(DiscoverRequest.of("/3/0/7")).link(LwM2mPath.parse("/3/0/7")).orElseThrow();
        assertThat(voltage.attributes().gt()).contains(new BigDecimal("50"));
        assertThat(voltage.attributes().lt()).contains(new BigDecimal("42.2"));
        assertThat(voltage.attributes().st()).contains(new BigDecimal("0.5"));
        assertThat(voltage.dim()).hasValue(2);

        assertThat(send(WriteAttributesRequest.of("/3/0/7", "gt&lt&st")).code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(send(DiscoverRequest.of("/3/0/7")).link(LwM2mPath.parse("/3/0/7")).orElseThrow().attributes()
                .isEmpty()).isTrue();
    }

    @Test
    void int_261_write_attributes_multiple_resource() {
        WriteAttributesResponse r = send(WriteAttributesRequest.of("/3/0/11", "pmin=5&pmax=120"));
        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        DiscoverResponse d = send(DiscoverRequest.of("/3/0/11"));
        DiscoverLink errors = d.link(LwM2mPath.parse("/3/0/11")).orElseThrow();
        assertThat(errors.attributes().pmin()).hasValue(5);
        assertThat(errors.attributes().pmax()).hasValue(120);
        assertThat(errors.dim()).hasValue(1);
        assertThat(send(WriteAttributesRequest.of("/3/0/11", "pmin&pmax")).code()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void int_264_discover_depth_is_not_sent_to_a_1_1_client() {
        assertThatThrownBy(() -> send(DiscoverRequest.of("/3", 1))).isInstanceOfSatisfying(
                OperationException.class, e -> assertThat(e.reason())
                        .isEqualTo(OperationException.Reason.UNSUPPORTED_BY_CLIENT));
    }

    static Stream<ContentFormat> createFormats() {
        return Stream.of(ContentFormat.TLV, ContentFormat.JSON, ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR);
    }

    @ParameterizedTest
    @MethodSource("createFormats")
    void int_270_create_object_instance(ContentFormat format) {
        int id = 10 + createFormats().toList().indexOf(format);
        ObjectInstance instance = ObjectInstance.of(id, MultipleResource.of(0, DataType.STRING,
                ResourceInstance.of(0, Value.of("created in " + format.name()))));
        CreateResponse created = send(new CreateRequest(16, instance, format));
        assertThat(created.code()).isEqualTo(ResponseCode.CREATED);
        assertThat(created.instancePath()).contains(LwM2mPath.of(16, id));
        assertThat(values(read("/16/" + id, format), 0)).containsExactlyEntriesOf(
                java.util.Map.of(0, Value.of("created in " + format.name())));
        assertThat(send(DeleteRequest.of("/16/" + id)).code()).isEqualTo(ResponseCode.DELETED);
    }

    @Test
    void int_270_create_object_instance_with_an_id_the_client_chooses() {
        CreateResponse created = send(CreateRequest.clientChoosesId(16, List.of(MultipleResource.of(0,
                DataType.STRING, ResourceInstance.of(0, Value.of("client's choice")))), null));
        assertThat(created.code()).isEqualTo(ResponseCode.CREATED);
        LwM2mPath location = created.instancePath().orElseThrow();
        assertThat(location.objectId()).isEqualTo(16);
        assertThat(values(read(location.toString(), ContentFormat.TLV), 0))
                .containsEntry(0, Value.of("client's choice"));
        assertThat(send(new DeleteRequest(location)).code()).isEqualTo(ResponseCode.DELETED);
    }

    @Test
    void int_290_delete_object_instance() {
        assertThat(send(CreateRequest.of(16, ObjectInstance.of(20, MultipleResource.of(0, DataType.STRING,
                ResourceInstance.of(0, Value.of("doomed")))))).code()).isEqualTo(ResponseCode.CREATED);
        await().atMost(TIMEOUT).until(() -> registration().objectLinks().instances(16).contains(20));
        assertThat(registration().objectLinks().contentFormats())
                .as("the Update after Create lists objects without a root link; the formats announced stay")
                .contains(ContentFormat.SENML_CBOR, ContentFormat.SENML_JSON);
        assertThat(send(io.wisp.core.operation.ReadCompositeRequest.of("/16/20")).content())
                .containsOnlyKeys(LwM2mPath.of(16, 20));
        DeleteResponse deleted = send(DeleteRequest.of("/16/20"));
        assertThat(deleted.code()).isEqualTo(ResponseCode.DELETED);
        assertThat(send(ReadRequest.of("/16/20")).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(send(DeleteRequest.of("/16/20")).code()).isEqualTo(ResponseCode.NOT_FOUND);
        await().atMost(TIMEOUT).until(() -> !registration().objectLinks().instances(16).contains(20));
    }

    @Test
    void delete_of_a_resource_instance_is_not_sent_to_a_1_1_client() {
        assertThatThrownBy(() -> send(DeleteRequest.of("/16/0/0/1"))).isInstanceOfSatisfying(
                OperationException.class, e -> assertThat(e.reason())
                        .isEqualTo(OperationException.Reason.UNSUPPORTED_BY_CLIENT));
        assertThat(values(read("/16/0", ContentFormat.TLV), 0)).containsKey(1);
    }

    @Test
    void read_of_an_unknown_path_is_a_typed_4_04() {
        ReadResponse r = send(ReadRequest.of("/3/0/77"));
        assertThat(r.code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(r.node()).isEmpty();
        assertThat(send(ReadRequest.of("/3/7")).code()).isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void read_of_an_executable_resource_is_a_typed_4_05() {
        assertThat(send(ReadRequest.of("/3/0/4")).code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void read_asking_for_a_format_the_client_lacks_is_a_typed_4_06() {
        assertThat(send(ReadRequest.of("/3/0", ContentFormat.LWM2M_CBOR)).code())
                .isEqualTo(ResponseCode.NOT_ACCEPTABLE);
    }

    @Test
    void operation_to_an_unknown_endpoint_fails_as_not_registered() {
        CompletableFuture<ReadResponse> f = server.send("nobody", ReadRequest.of("/3/0"), TIMEOUT);
        assertThat(f).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(OperationException.class,
                        e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.NOT_REGISTERED));
    }

    @Test
    void operation_to_a_silent_client_times_out_and_leaves_other_clients_undisturbed() {
        String silentEndpoint = "dm-silent";
        try (LeshanDevice silent = LeshanDevice.start(silentEndpoint, server.localAddress(), LIFETIME)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !silent.locations.isEmpty()
                    && server.registrations().byEndpoint(silentEndpoint).isPresent());
            silent.goSilent();
            CompletableFuture<ReadResponse> late = server.send(silentEndpoint, ReadRequest.of("/3/0"),
                    Duration.ofSeconds(2));
            assertThat(value(read("/3/0/0", ContentFormat.TEXT))).isEqualTo(Value.of("Wisp tests"));
            assertThat(late).failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class).havingCause()
                    .isInstanceOfSatisfying(OperationException.class,
                            e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.TIMEOUT));
            assertThat(value(read("/3/0/1", ContentFormat.TEXT))).isEqualTo(Value.of("interop"));
        }
    }
}
