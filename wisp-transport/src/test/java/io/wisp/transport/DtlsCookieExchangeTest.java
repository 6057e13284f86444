package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.transport.testing.DtlsTestClient;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;

/**
 * The DTLS cookie exchange of RFC 6347 §4.2.1 as a client sees it on the wire: by default a first ClientHello gets a
 * HelloVerifyRequest; with {@link TransportConfig#pskCookieExchange()} off, one offering a PSK suite gets the
 * ServerHello at once and the handshake completes, while one offering only a certificate suite still gets the
 * HelloVerifyRequest.
 */
class DtlsCookieExchangeTest {
    private static final int HELLO_VERIFY_REQUEST = 3;
    private static final int SERVER_HELLO = 2;
    private static final int TLS_PSK_WITH_AES_128_CCM_8 = 0xC0A8;
    private static final int TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 = 0xC0AE;
    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void by_default_a_psk_client_hello_is_answered_with_a_hello_verify_request() throws Exception {
        try (CoapTransport server = server(TransportConfig.defaults())) {
            assertThat(firstAnswer(server, TLS_PSK_WITH_AES_128_CCM_8)).isEqualTo(HELLO_VERIFY_REQUEST);
        }
    }

    @Test
    void without_the_psk_cookie_exchange_a_psk_client_hello_gets_the_server_hello_and_the_handshake_completes()
            throws Exception {
        try (CoapTransport server = server(TransportConfig.builder().pskCookieExchange(false).build());
                DtlsTestClient client = DtlsTestClient.psk("dev-psk", KEY)) {
            assertThat(firstAnswer(server, TLS_PSK_WITH_AES_128_CCM_8)).isEqualTo(SERVER_HELLO);

            Request get = Request.newGet();
            get.getOptions().setUriPath("echo");
            Response response = client.send(server.localAddress("coaps"), get);

            assertThat(response).isNotNull();
            assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
            assertThat(response.getPayloadString()).isEqualTo("psk:dev-psk");
        }
    }

    @Test
    void without_the_psk_cookie_exchange_a_certificate_client_hello_still_needs_a_cookie() throws Exception {
        try (CoapTransport server = server(TransportConfig.builder().pskCookieExchange(false).build())) {
            assertThat(firstAnswer(server, TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8)).isEqualTo(HELLO_VERIFY_REQUEST);
        }
    }

    private static CoapTransport server(TransportConfig config) {
        Issued ca = TestCertificates.certificateAuthority("Wisp test CA");
        Issued own = TestCertificates.leaf("wisp-server", ca);
        DtlsSecurity security = DtlsSecurity.builder()
                .pskKeys(identity -> "dev-psk".equals(identity) ? Optional.of(KEY.clone()) : Optional.empty())
                .rawPublicKeyTrust(key -> false)
                .ownCredentials(own.credentials())
                .build();
        CoapTransport transport = CoapTransport.builder()
                .config(config)
                .dtls("coaps", new InetSocketAddress("127.0.0.1", 0), security)
                .route("echo", request -> UplinkResponse.content(CoapCode.CONTENT, 0,
                        String.valueOf(request.peer().identity()).getBytes(StandardCharsets.UTF_8)))
                .build();
        transport.start();
        return transport;
    }

    /** Sends a cookie-less ClientHello offering one suite; returns the handshake type of the server's answer. */
    private static int firstAnswer(CoapTransport server, int cipherSuite) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(10_000);
            byte[] hello = clientHello(cipherSuite);
            socket.send(new DatagramPacket(hello, hello.length, server.localAddress("coaps")));
            byte[] in = new byte[2048];
            DatagramPacket answer = new DatagramPacket(in, in.length);
            socket.receive(answer);
            assertThat(in[0]).as("record content type").isEqualTo((byte) 22);
            return in[13] & 0xFF;
        }
    }

    /** A DTLS 1.2 ClientHello (RFC 6347 §4.2.1, RFC 5246 §7.4.1.2) in one record of epoch 0, without extensions. */
    private static byte[] clientHello(int cipherSuite) {
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        ByteBuffer body = ByteBuffer.allocate(2 + 32 + 1 + 1 + 2 + 2 + 2);
        body.putShort((short) 0xFEFD).put(random).put((byte) 0).put((byte) 0)
                .putShort((short) 2).putShort((short) cipherSuite).put((byte) 1).put((byte) 0);
        int n = body.position();
        ByteBuffer record = ByteBuffer.allocate(13 + 12 + n);
        record.put((byte) 22).putShort((short) 0xFEFD).putShort((short) 0).putShort((short) 0).putInt(0)
                .putShort((short) (12 + n));
        record.put((byte) 1).put(u24(n)).putShort((short) 0).put(u24(0)).put(u24(n)).put(body.array(), 0, n);
        return record.array();
    }

    private static byte[] u24(int v) {
        return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }
}
