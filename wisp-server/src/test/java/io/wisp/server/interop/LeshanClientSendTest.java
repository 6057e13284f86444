package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.registration.Registration;
import java.time.Instant;
import org.eclipse.leshan.core.ResponseCode;
import org.junit.jupiter.api.Test;

/**
 * Send ({@code POST /dp}, Core TS §6.4.5) from the Leshan client's SendService over real UDP on 127.0.0.1, in both
 * SenML formats Leshan writes; the server answers 2.04 and hands the decoded values to its listeners (ETS int-306,
 * int-311).
 */
class LeshanClientSendTest extends LeshanReportingFixture {
    private void sendsDeviceValues(String endpoint, org.eclipse.leshan.core.request.ContentFormat leshanFormat,
            ContentFormat format) throws InterruptedException {
        Registration r = register(endpoint);
        objects.device.set(9, 77L);

        ResponseCode code = device.send(leshanFormat, "/3/0/9", "/3/0/7/1", "/3/0/14");

        assertThat(code).isEqualTo(ResponseCode.CHANGED);
        waiting().until(() -> !reports.sentBy(endpoint).isEmpty());
        assertThat(reports.sent.stream().filter(e -> e.getKey().endpoint().equals(endpoint)))
                .allSatisfy(e -> assertThat(e.getKey().id()).isEqualTo(r.id()));
        SendRequest send = reports.sentBy(endpoint).get(0);
        assertThat(send.format()).isEqualTo(format);
        assertThat(send.latest()).containsEntry(LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(77L)))
                .containsEntry(LwM2mPath.parse("/3/0/7/1"), ResourceInstance.of(1, Value.of(5000L)))
                .containsEntry(LwM2mPath.parse("/3/0/14"), SingleResource.of(14, Value.of("+01")));
        assertThat(send.data()).hasSize(1);
    }

    @Test
    void int_306_send_in_senml_json() throws InterruptedException {
        sendsDeviceValues("ets-306-json", org.eclipse.leshan.core.request.ContentFormat.SENML_JSON,
                ContentFormat.SENML_JSON);
    }

    @Test
    void int_306_send_in_senml_cbor() throws InterruptedException {
        sendsDeviceValues("ets-306-cbor", org.eclipse.leshan.core.request.ContentFormat.SENML_CBOR,
                ContentFormat.SENML_CBOR);
    }

    @Test
    void int_306_send_of_collected_history_keeps_each_group_with_its_time() throws Exception {
        register("ets-306-history");
        Instant before = Instant.now();
        objects.device.set(9, 61L);
        device.collect("/3/0/9");
        Thread.sleep(50); // two distinct measurement times, not a wait for an outcome
        objects.device.set(9, 62L);
        device.collect("/3/0/9");

        device.sendCollected(org.eclipse.leshan.core.request.ContentFormat.SENML_CBOR);

        waiting().until(() -> !reports.sentBy("ets-306-history").isEmpty());
        SendRequest send = reports.sentBy("ets-306-history").get(0);
        assertThat(send.data()).hasSize(2);
        assertThat(send.data()).extracting(g -> g.nodes().get(LwM2mPath.parse("/3/0/9")))
                .containsExactly(SingleResource.of(9, Value.of(61L)), SingleResource.of(9, Value.of(62L)));
        Instant first = send.data().get(0).timestamp();
        Instant second = send.data().get(1).timestamp();
        assertThat(first).isBetween(before.minusSeconds(2), Instant.now());
        assertThat(second).isAfter(first).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void int_311_send_command_lifetime_and_error_code() throws InterruptedException {
        register("ets-311");

        ResponseCode code = device.send(org.eclipse.leshan.core.request.ContentFormat.SENML_CBOR, "/1/0/1",
                "/3/0/11/0");

        assertThat(code).isEqualTo(ResponseCode.CHANGED);
        waiting().until(() -> !reports.sentBy("ets-311").isEmpty());
        assertThat(reports.sentBy("ets-311").get(0).latest())
                .containsOnlyKeys(LwM2mPath.parse("/1/0/1"), LwM2mPath.parse("/3/0/11/0"))
                .containsEntry(LwM2mPath.parse("/1/0/1"), SingleResource.of(1, Value.of(300L)))
                .containsEntry(LwM2mPath.parse("/3/0/11/0"), ResourceInstance.of(0, Value.of(0L)));
    }
}
