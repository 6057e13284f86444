package io.wisp.bench.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.bench.BenchCredentials;
import io.wisp.bench.Fleet;
import io.wisp.bench.load.CoapPackets;
import io.wisp.server.WispServer;
import io.wisp.transport.security.SecurityInfo;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generator's DTLS client against a real Scandium server (a Wisp server in this JVM, PSK mode): a device with the
 * right key completes the handshake and gets its Register answered with 2.01 Created; a device with a wrong key is
 * counted as failed, never as a handshake. Both prove that the generator's counts mean what they say.
 */
class HandshakeGeneratorTest {
    private static final CoapPackets.RegisterTemplate REGISTER = CoapPackets.register(300);
    private WispServer server;

    @BeforeEach
    void start() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0).securePort(0).build();
        for (long i = 0; i < 3; i++) {
            server.securityStore().add(SecurityInfo.psk(Fleet.endpoint(i), BenchCredentials.pskIdentity(i),
                    BenchCredentials.pskKey(i)));
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void devices_with_their_keys_complete_the_handshake_and_register() throws Exception {
        try (HandshakeGenerator generator = new HandshakeGenerator(server.secureAddress())) {
            HandshakeGenerator.Result r = generator.run(0, 3, clients(false), 2);

            assertThat(r.completed()).as("failures: %s", r.failures()).isEqualTo(3);
            assertThat(r.failed()).isZero();
            assertThat(r.handshakeMicros()).hasSize(3).doesNotContain(0L);
        }
        assertThat(server.registrations().size()).isEqualTo(3);
    }

    @Test
    void a_device_with_a_wrong_key_is_counted_as_failed() throws Exception {
        // The server drops records it cannot authenticate, so the client gives up after its retransmissions.
        try (HandshakeGenerator generator = new HandshakeGenerator(server.secureAddress(), 50_000_000L)) {
            HandshakeGenerator.Result r = generator.run(1, 1, clients(true), 1);

            assertThat(r.completed()).isZero();
            assertThat(r.failed()).isEqualTo(1);
        }
        assertThat(server.registrations().size()).isZero();
    }

    /** Device i's Register (endpoint patched in) with its PSK, or with a key that is not its own. */
    private static HandshakeGenerator.Clients clients(boolean wrongKey) {
        return new HandshakeGenerator.Clients() {
            @Override
            public ClientCredentials credentials(long index) {
                return ClientCredentials.psk(BenchCredentials.pskIdentity(index),
                        BenchCredentials.pskKey(wrongKey ? index + 100 : index));
            }

            @Override
            public byte[] request(long index) {
                byte[] packet = new byte[REGISTER.length()];
                REGISTER.write(index, packet);
                return packet;
            }
        };
    }
}
