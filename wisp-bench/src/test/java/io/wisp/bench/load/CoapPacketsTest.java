package io.wisp.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.bench.Fleet;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.RawData;
import org.junit.jupiter.api.Test;

/** The patched packets, read back by Californium's own parser: what a server receives. */
class CoapPacketsTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5683);

    @Test
    void a_patched_register_names_its_device_and_carries_the_mid_token_and_links() {
        byte[] packet = new byte[1024];
        int length = CoapPackets.register(300).write(123_456, packet);
        CoapPackets.patch(packet, 0xBEEF, 0x0102030405060708L);

        Request request = parse(packet, length);

        assertThat(request.getCode()).isEqualTo(CoAP.Code.POST);
        assertThat(request.getType()).isEqualTo(CoAP.Type.CON);
        assertThat(request.getMID()).isEqualTo(0xBEEF);
        assertThat(request.getToken().getBytes()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(request.getOptions().getUriPathString()).isEqualTo("rd");
        assertThat(request.getOptions().getUriQuery())
                .containsExactly("ep=" + Fleet.endpoint(123_456), "lt=300", "lwm2m=1.1", "b=U");
        assertThat(request.getOptions().getContentFormat()).isEqualTo(40);
        assertThat(request.getPayloadString()).isEqualTo(Fleet.LINKS);
    }

    @Test
    void an_update_posts_to_the_location_the_server_gave() {
        byte[] packet = CoapPackets.update(List.of("rd", "Xy12_-ab"));
        CoapPackets.patch(packet, 7, 9);

        Request request = parse(packet, packet.length);

        assertThat(request.getCode()).isEqualTo(CoAP.Code.POST);
        assertThat(request.getOptions().getUriPath()).containsExactly("rd", "Xy12_-ab");
        assertThat(request.getOptions().getURIQueryCount()).isZero();
        assertThat(request.getMID()).isEqualTo(7);
    }

    @Test
    void the_location_path_of_a_created_response_is_read_back() {
        Response created = new Response(CoAP.ResponseCode.CREATED);
        created.setType(CoAP.Type.ACK);
        created.setMID(42);
        created.setToken(new Token(new byte[] {0, 0, 0, 3, 0, 0, 0, 9}));
        created.getOptions().addLocationPath("rd").addLocationPath("abcDEF12").setContentFormat(0);
        created.setPayload("x".getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = new UdpDataSerializer().getByteArray(created);

        assertThat(CoapDatagram.plausible(bytes, bytes.length)).isTrue();
        assertThat(CoapDatagram.type(bytes)).isEqualTo(CoapDatagram.ACK);
        assertThat(CoapDatagram.code(bytes)).isEqualTo(0x41);
        assertThat(CoapDatagram.mid(bytes)).isEqualTo(42);
        assertThat(CoapDatagram.token(bytes)).isEqualTo((3L << 32) | 9);
        assertThat(CoapDatagram.locationPath(bytes, bytes.length)).containsExactly("rd", "abcDEF12");
    }

    @Test
    void a_send_posts_its_payload_to_dp_in_its_format() {
        byte[] packet = CoapPackets.send(112, new byte[] {(byte) 0x81, (byte) 0xA0});
        CoapPackets.patch(packet, 3, 4);

        Request request = parse(packet, packet.length);

        assertThat(request.getCode()).isEqualTo(CoAP.Code.POST);
        assertThat(request.getOptions().getUriPathString()).isEqualTo("dp");
        assertThat(request.getOptions().getContentFormat()).isEqualTo(112);
        assertThat(request.getPayload()).containsExactly(0x81, 0xA0);
    }

    @Test
    void a_hand_built_notification_reads_back_with_its_token_observe_number_and_format() {
        byte[] token = {9, 8, 7, 6, 5};
        byte[] out = new byte[64];
        int pos = CoapPackets.header(out, CoapDatagram.NON, 0x45, 0x1234, token, 0, token.length);
        pos = CoapPackets.uintOption(out, pos, 0, CoapDatagram.OBSERVE, 70_000, 3);
        pos = CoapPackets.uintOption(out, pos, CoapDatagram.OBSERVE, CoapDatagram.CONTENT_FORMAT, 11542,
                CoapPackets.width(11542));
        out[pos++] = (byte) 0xFF;
        out[pos++] = 42;

        Response notification = (Response) parseMessage(out, pos);

        assertThat(notification.getType()).isEqualTo(CoAP.Type.NON);
        assertThat(notification.getCode()).isEqualTo(CoAP.ResponseCode.CONTENT);
        assertThat(notification.getMID()).isEqualTo(0x1234);
        assertThat(notification.getToken().getBytes()).containsExactly(token);
        assertThat(notification.getOptions().getObserve()).isEqualTo(70_000);
        assertThat(notification.getOptions().getContentFormat()).isEqualTo(11542);
        assertThat(notification.getPayload()).containsExactly(42);
    }

    @Test
    void the_options_of_a_server_request_are_read_in_order() {
        Request observe = new Request(CoAP.Code.GET, CoAP.Type.CON);
        observe.setMID(5);
        observe.setToken(new Token(new byte[] {1, 2, 3, 4}));
        observe.setObserve();
        observe.getOptions().addUriPath("3").addUriPath("0").addUriPath("10").setAccept(112);
        byte[] bytes = new UdpDataSerializer().getByteArray(observe);

        CoapDatagram.Options options = new CoapDatagram.Options();
        options.reset(bytes, bytes.length);
        StringBuilder seen = new StringBuilder();
        while (options.next()) {
            seen.append(options.number()).append('=').append(options.number() == CoapDatagram.URI_PATH
                    ? options.string() : Long.toString(options.uint())).append(' ');
        }

        assertThat(options.malformed()).isFalse();
        assertThat(seen.toString().trim()).isEqualTo("6=0 11=3 11=0 11=10 17=112");
        assertThat(options.payloadOffset()).isEqualTo(bytes.length);
    }

    private static Request parse(byte[] packet, int length) {
        return (Request) parseMessage(packet, length);
    }

    private static org.eclipse.californium.core.coap.Message parseMessage(byte[] packet, int length) {
        byte[] exact = java.util.Arrays.copyOf(packet, length);
        RawData raw = RawData.inbound(exact, new AddressEndpointContext(PEER), false, 0, PEER);
        return new UdpDataParser().parseMessage(raw);
    }
}
