package io.wisp.transport.californium;

import io.wisp.transport.CoapTransport;
import io.wisp.transport.DtlsSecurity;
import io.wisp.transport.HandshakeFailures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.MessageCallback;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.ExecutorsUtil;
import org.eclipse.californium.elements.util.NamedThreadFactory;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * Measures the heap one established DTLS PSK connection costs the server: a transport with a CoAPs connector (PSK,
 * connection IDs on) accepts N clients with distinct identities, and the heap used after GC (minus the idle
 * transport's) is divided by N. The clients run in a child JVM started here with the same class path, so that their
 * own state is not counted; each makes its handshake and sends one CoAP ping (answered by a Reset, leaving no
 * exchange behind). Not a test; run by hand. Argument: {@code [connections]} (default 2000).
 */
public final class DtlsHeapMain {
    private static final byte[] KEY = "wisp-heap-psk-16".getBytes(StandardCharsets.US_ASCII);

    private DtlsHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        DtlsSecurity security = DtlsSecurity.builder()
                .pskKeys(identity -> identity.startsWith("dev-") ? Optional.of(KEY.clone()) : Optional.empty())
                .build();
        try (CoapTransport transport = CoapTransport.builder()
                .dtls("coaps", new InetSocketAddress("127.0.0.1", 0), security).build()) {
            transport.start();
            long idle = usedAfterGc();
            Process clients = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Xss256k", "-cp", System.getProperty("java.class.path"), Clients.class.getName(),
                    Integer.toString(transport.localAddress("coaps").getPort()), Integer.toString(connections))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String report;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8))) {
                report = out.readLine();
                long loaded = usedAfterGc();
                HandshakeFailures failures = transport.handshakeFailures("coaps");
                System.out.printf("clients: %s; handshake failures at the server: %d%n", report, failures.total());
                System.out.printf("%d DTLS PSK connections: %.0f bytes of server heap per connection%n",
                        connections, (loaded - idle) / (double) connections);
                clients.getOutputStream().close();
                clients.waitFor();
            }
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int k = 0; k < 4; k++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The child JVM: N Scandium PSK clients sharing one executor, at most 32 handshakes at a time. */
    public static final class Clients {
        private static final byte[] PING = {0x40, 0x00, 0x00, 0x01};

        private Clients() {
        }

        public static void main(String[] args) throws Exception {
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
            int count = Integer.parseInt(args[1]);
            ScheduledExecutorService shared = ExecutorsUtil.newScheduledThreadPool(4,
                    new NamedThreadFactory("heap-clients#"));
            Semaphore inFlight = new Semaphore(32);
            CountDownLatch done = new CountDownLatch(count);
            AtomicInteger failed = new AtomicInteger();
            List<DTLSConnector> all = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                DTLSConnector client = client("dev-" + i);
                client.setExecutor(shared);
                client.setRawDataReceiver(data -> { });
                client.start();
                all.add(client);
                client.send(RawData.outbound(PING, new AddressEndpointContext(server), new MessageCallback() {
                    @Override
                    public void onConnecting() {
                    }

                    @Override
                    public void onDtlsRetransmission(int flight) {
                    }

                    @Override
                    public void onContextEstablished(EndpointContext context) {
                    }

                    @Override
                    public void onSent() {
                        inFlight.release();
                        done.countDown();
                    }

                    @Override
                    public void onError(Throwable error) {
                        failed.incrementAndGet();
                        inFlight.release();
                        done.countDown();
                    }
                }, false));
            }
            done.await();
            System.out.println("established " + (count - failed.get()) + " of " + count);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to finish measuring
            }
            all.forEach(DTLSConnector::destroy);
            shared.shutdownNow();
        }

        private static DTLSConnector client(String identity) {
            Configuration config = new Configuration(DtlsConfig.DEFINITIONS);
            config.set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
            config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 0);
            config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
            config.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 4);
            config.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_PSK_WITH_AES_128_CCM_8));
            return new DTLSConnector(DtlsConnectorConfig.builder(config)
                    .setAddress(new InetSocketAddress("127.0.0.1", 0))
                    .setAdvancedPskStore(new AdvancedSinglePskStore(identity, KEY)).build());
        }
    }
}
