package io.wisp.client.testing;

import io.wisp.client.ClientEvents;
import io.wisp.client.WispClient;
import io.wisp.client.object.std.SensorObject;
import io.wisp.client.security.Credentials;
import io.wisp.transport.TransportConfig;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wisp clients for the DTLS tests against a server: each is bound to the loopback address, knows one server
 * (short server ID 1, lifetime 5 min) with the credentials a test gives, carries a temperature sensor (3303/0) to
 * observe, and gives up a silent handshake quickly. The clients a test starts with {@link #start} are closed by
 * {@link #closeAll()}; {@link #startKept} is for a bystander that outlives the test.
 */
public final class SecureTestClients {
    /** DTLS handshake retransmission after 300 ms, twice: a silent server is given up on within about 2 s. */
    public static final TransportConfig QUICK = TransportConfig.client().toBuilder()
            .ackTimeout(Duration.ofMillis(300)).maxRetransmit(2).build();

    private final List<WispClient> started = new ArrayList<>();

    /** Starts a client that {@link #closeAll()} closes. */
    public WispClient start(String endpoint, URI server, Credentials credentials, ClientEvents events) {
        WispClient client = startKept(endpoint, server, credentials, events);
        started.add(client);
        return client;
    }

    /** Starts a client the caller closes itself. */
    public WispClient startKept(String endpoint, URI server, Credentials credentials, ClientEvents events) {
        WispClient client = WispClient.builder(endpoint).bindAddress(InetAddress.getLoopbackAddress())
                .transportConfig(QUICK).requestTimeout(Duration.ofSeconds(10)).events(events)
                .server(1, server, Duration.ofMinutes(5), credentials)
                .object(SensorObject.of(3303, Clock.systemUTC(), 5)).build();
        client.start();
        return client;
    }

    /** Closes every client started with {@link #start} since the last call. */
    public void closeAll() {
        started.forEach(WispClient::close);
        started.clear();
    }
}
