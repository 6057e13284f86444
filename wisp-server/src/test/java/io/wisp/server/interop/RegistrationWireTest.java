package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.server.testing.LeshanDevice;
import io.wisp.server.testing.RecordingListener;
import io.wisp.transport.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-made CoAP requests at the registration interface (Transport TS §6.2) from a plain Californium endpoint on
 * 127.0.0.1: what real clients send is accepted, malformed requests get the right 4.xx, and a Leshan client
 * registered meanwhile is not disturbed.
 */
class RegistrationWireTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final RecordingListener events = new RecordingListener();
    private WispServer server;
    private CoapEndpoint raw;

    @BeforeEach
    void start() throws IOException {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0).clock(clock).build();
        server.addRegistrationListener(events);
        server.start();
        raw = new CoapEndpoint.Builder().setConfiguration(new Configuration(CoapConfig.DEFINITIONS,
                UdpConfig.DEFINITIONS)).setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        raw.start();
    }

    @AfterEach
    void stop() {
        raw.destroy();
        server.close();
    }

    private Response send(Code code, String path, String query, Integer format, String payload) {
        Request request = new Request(code);
        request.setDestinationContext(new AddressEndpointContext(server.localAddress()));
        request.getOptions().setUriPath(path);
        if (!query.isEmpty()) {
            request.getOptions().setUriQuery(query);
        }
        if (format != null) {
            request.getOptions().setContentFormat(format);
        }
        if (payload != null) {
            request.setPayload(payload);
        }
        raw.sendRequest(request);
        try {
            Response response = request.waitForResponse(10_000);
            assertThat(response).as("a response to %s", request).isNotNull();
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Test
    void register_update_and_deregister_as_a_plain_coap_client() {
        Response created = send(Code.POST, "rd", "lt=60&ep=raw-1&lwm2m=1.1&b=U", 40, "</>;rt=\"oma.lwm2m\",</3/0>");
        assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(created.getOptions().getLocationPath()).hasSize(2).first().isEqualTo("rd");
        String id = created.getOptions().getLocationPath().get(1);
        assertThat(id).hasSizeLessThanOrEqualTo(8);

        assertThat(send(Code.POST, "rd/" + id, "lt=90", null, "</3/0>,</5/0>").getCode())
                .isEqualTo(ResponseCode.CHANGED);
        Registration updated = server.registrations().byId(id).orElseThrow();
        assertThat(updated.lifetime()).isEqualTo(90);
        assertThat(updated.objectLinks().objectIds()).containsExactly(3, 5);

        assertThat(send(Code.DELETE, "rd/" + id, "", null, null).getCode()).isEqualTo(ResponseCode.DELETED);
        assertThat(server.registrations().size()).isZero();
        assertThat(send(Code.DELETE, "rd/" + id, "", null, null).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void the_servers_sweep_ends_a_registration_once_its_lifetime_has_passed_and_an_update_postpones_it() {
        String kept = send(Code.POST, "rd", "ep=kept&lt=60", 40, "</3/0>").getOptions().getLocationPath().get(1);
        send(Code.POST, "rd", "ep=dropped&lt=60", 40, "</3/0>");
        clock.advance(Duration.ofSeconds(59));
        assertThat(send(Code.POST, "rd/" + kept, "", null, null).getCode()).isEqualTo(ResponseCode.CHANGED);

        clock.advance(Duration.ofSeconds(2));

        await().atMost(Duration.ofSeconds(20)).until(() -> events.expired.size() == 1);
        assertThat(events.expired.get(0).endpoint()).isEqualTo("dropped");
        assertThat(server.registrations().byEndpoint("dropped")).isEmpty();
        assertThat(send(Code.POST, "rd/" + events.expired.get(0).id(), "", null, null).getCode())
                .isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(server.registrations().byId(kept)).isPresent();

        clock.advance(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.expired.size() == 2);
        assertThat(server.registrations().size()).isZero();
    }

    @Test
    void what_real_clients_send_is_accepted() {
        Response legacy = send(Code.POST, "rd", "b=UQ&ep=legacy&lwm2m=1.0", null, "</1/0>,</3/0>");
        Response bareQ = send(Code.POST, "rd", "Q&ep=bare-q&lwm2m=1.1", 40, "</>;ct=\"60 110\",</3/0>");
        Response noBinding = send(Code.POST, "rd", "ep=no-b", 40, "</3/0>");

        assertThat(legacy.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(bareQ.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(noBinding.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(server.registrations().byEndpoint("legacy")).map(Registration::queueMode).contains(true);
        assertThat(server.registrations().byEndpoint("bare-q")).map(Registration::queueMode).contains(true);
        assertThat(server.registrations().byEndpoint("no-b")).map(r -> r.binding().toString()).contains("U");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing ep              | POST   | rd          | lt=60             | 40 | </3/0>  | 4.00 | ep",
        "lifetime not a number   | POST   | rd          | ep=x&lt=soon      | 40 | </3/0>  | 4.00 | lt",
        "malformed version       | POST   | rd          | ep=x&lwm2m=v1     | 40 | </3/0>  | 4.00 | lwm2m",
        "unsupported version     | POST   | rd          | ep=x&lwm2m=1.3    | 40 | </3/0>  | 4.12 | 1.3",
        "bad binding             | POST   | rd          | ep=x&b=Z          | 40 | </3/0>  | 4.00 | Z",
        "bad link payload        | POST   | rd          | ep=x              | 40 | </3/0   | 4.00 | payload",
        "resource link           | POST   | rd          | ep=x              | 40 | </3/0/1> | 4.00 | payload",
        "wrong content format    | POST   | rd          | ep=x              | 60 | </3/0>  | 4.00 | 60",
        "update of unknown id    | POST   | rd/nothing  | lt=60             |    |         | 4.04 | ''",
        "delete of unknown id    | DELETE | rd/nothing  | ''                |    |         | 4.04 | ''",
        "too deep a path         | POST   | rd/a/b      | ''                |    |         | 4.04 | ''",
        "read of the directory   | GET    | rd          | ''                |    |         | 4.05 | ''",
        "unknown interface       | POST   | xyz         | ep=x              | 40 | </3/0>  | 4.04 | ''"})
    void a_malformed_request_gets_its_4xx_and_disturbs_no_one(String name, String method, String path,
            String query, Integer format, String payload, String code, String diagnostic) {
        LeshanDevice device = LeshanDevice.start("bystander", server.localAddress(), 300);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.registered.size() == 1);
            String bystander = events.registered.get(0).id();

            Response response = send(Code.valueOf(method), path, query, format, payload);

            assertThat(response.getCode().toString()).isEqualTo(code);
            assertThat(response.getPayloadString()).contains(diagnostic);
            assertThat(server.registrations().size()).isEqualTo(1);
            assertThat(server.registrations().byEndpoint("x")).isEmpty();
            device.triggerUpdate();
            await().atMost(Duration.ofSeconds(20)).until(() -> events.updated.size() == 1);
            assertThat(events.updated.get(0).current().id()).isEqualTo(bystander);
        } finally {
            device.close();
        }
    }
}
