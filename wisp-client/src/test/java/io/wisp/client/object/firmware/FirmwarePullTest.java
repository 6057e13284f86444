package io.wisp.client.object.firmware;

import static io.wisp.client.object.firmware.Fixtures.FACTORY;
import static io.wisp.client.object.firmware.Fixtures.NEXT;
import static io.wisp.client.object.firmware.Fixtures.execute;
import static io.wisp.client.object.firmware.Fixtures.stateAndResult;
import static io.wisp.client.object.firmware.Fixtures.validPackage;
import static io.wisp.client.object.firmware.Fixtures.writeUri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.UplinkResponse;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pull delivery over real CoAP on 127.0.0.1: the device's own wisp-transport fetches the Package URI from a second
 * transport acting as a firmware file server, block-wise for large packages (Core TS Appendix E.6, RFC 7959).
 */
class FirmwarePullTest {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final byte[] image = validPackage(1 << 20);
    private final AtomicInteger served = new AtomicInteger();
    private final Map<String, byte[]> files = Map.of("image-2.0.0", image, "small", validPackage(10_000),
            "text", "hello".getBytes());
    private final CoapTransport fileServer = CoapTransport.builder().udp("coap", ANY_PORT)
            .config(TransportConfig.builder().maxBodySize(4 << 20).build())
            .route("fw", request -> {
                served.incrementAndGet();
                byte[] file = request.path().size() == 2 ? files.get(request.path().get(1)) : null;
                return file == null ? UplinkResponse.error(CoapCode.NOT_FOUND, "no such file")
                        : UplinkResponse.content(CoapCode.CONTENT, 42, file);
            }).build();
    private final CoapTransport device = CoapTransport.builder().udp("coap", ANY_PORT)
            .config(TransportConfig.builder().maxBodySize(2 << 20).build()).build();
    private DatagramSocket silent;

    @AfterEach
    void closeAll() {
        device.close();
        fileServer.close();
        executor.shutdownNow();
        if (silent != null) {
            silent.close();
        }
    }

    private FirmwareUpdateEnabler enabler(Duration downloadTimeout) {
        fileServer.start();
        device.start();
        return FirmwareUpdateEnabler.builder(new SimulatedFirmwareInstaller(FACTORY), executor)
                .fetcher(new CoapPackageFetcher(device, "coap", downloadTimeout)).build();
    }

    private String fileUri(String name) {
        return "coap://127.0.0.1:" + fileServer.localAddress("coap").getPort() + "/fw/" + name;
    }

    private static void awaitStatus(FirmwareUpdateEnabler enabler, String expected) {
        await().atMost(PATIENCE).until(() -> stateAndResult(enabler).equals(expected));
    }

    @Test
    void int_771_a_1_mb_package_pulled_block_wise_over_coap_downloads_then_updates() {
        FirmwareUpdateEnabler enabler = enabler(Duration.ofSeconds(60));
        StatusRecorder observer = StatusRecorder.on(enabler);
        String uri = fileUri("image-2.0.0");

        writeUri(enabler, uri);
        awaitStatus(enabler, "2/0");
        assertThat(((SingleResource) enabler.read(Fixtures.SERVER, LwM2mPath.parse("/5/0/1"))).value())
                .isEqualTo(Value.of(uri));
        assertThat(enabler.status().packageInfo()).isEqualTo(NEXT);
        execute(enabler, "/5/0/2");
        awaitStatus(enabler, "0/1");

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "3/0", "0/1");
        assertThat(served).as("one response, sliced into blocks by the file server's transport").hasValue(1);
    }

    @Test
    void int_756_an_empty_uri_changes_nothing_and_a_valid_uri_downloads_the_package() {
        FirmwareUpdateEnabler enabler = enabler(Duration.ofSeconds(10));
        StatusRecorder observer = StatusRecorder.on(enabler);

        writeUri(enabler, "");
        assertThat(stateAndResult(enabler)).isEqualTo("0/0");
        writeUri(enabler, fileUri("small"));
        awaitStatus(enabler, "2/0");

        assertThat(observer.steps()).containsExactly("1/0", "2/0");
    }

    @Test
    void int_780_uris_of_schemes_the_device_does_not_download_from_end_with_unsupported_protocol() {
        FirmwareUpdateEnabler enabler = enabler(Duration.ofSeconds(10));
        StatusRecorder observer = StatusRecorder.on(enabler);
        int port = fileServer.localAddress("coap").getPort();

        for (String uri : new String[] {"http://127.0.0.1:" + port + "/fw/image-2.0.0",
                "coaps://127.0.0.1:" + port + "/fw/image-2.0.0", "ftp://127.0.0.1/fw"}) {
            writeUri(enabler, uri);
            awaitStatus(enabler, "0/9");
        }

        assertThat(observer.steps()).containsExactly("1/0", "0/9", "1/0", "0/9", "1/0", "0/9");
        assertThat(served).hasValue(0);
    }

    @Test
    void int_778_a_malformed_uri_or_one_without_a_host_is_accepted_then_ends_with_invalid_uri() {
        FirmwareUpdateEnabler enabler = enabler(Duration.ofSeconds(10));
        StatusRecorder observer = StatusRecorder.on(enabler);

        writeUri(enabler, "coap://127.0.0.1/fw/a b");
        awaitStatus(enabler, "0/7");
        writeUri(enabler, "coap:///fw/image");
        awaitStatus(enabler, "0/7");

        assertThat(observer.steps()).containsExactly("1/0", "0/7", "1/0", "0/7");
    }

    @Test
    void a_uri_the_file_server_answers_with_4_04_ends_with_invalid_uri() {
        FirmwareUpdateEnabler enabler = enabler(Duration.ofSeconds(10));
        StatusRecorder observer = StatusRecorder.on(enabler);

        writeUri(enabler, fileUri("image-9.9.9"));
        awaitStatus(enabler, "0/7");

        assertThat(observer.steps()).containsExactly("1/0", "0/7");
        assertThat(served).hasValue(1);
    }

    @Test
    void a_pulled_file_that_is_no_package_ends_with_unsupported_package_type() {
        FirmwareUpdateEnabler enabler = enabler(Duration.ofSeconds(10));
        StatusRecorder observer = StatusRecorder.on(enabler);

        writeUri(enabler, fileUri("text"));
        awaitStatus(enabler, "0/6");

        assertThat(observer.steps()).containsExactly("1/0", "0/6");
    }

    @Test
    void int_774_a_package_larger_than_the_devices_reassembly_buffer_ends_with_out_of_ram() {
        fileServer.start();
        try (CoapTransport smallBuffer = CoapTransport.builder().udp("coap", ANY_PORT)
                .config(TransportConfig.builder().maxBodySize(256 * 1024).build()).build()) {
            smallBuffer.start();
            FirmwareUpdateEnabler enabler = FirmwareUpdateEnabler.builder(new SimulatedFirmwareInstaller(FACTORY),
                    executor).fetcher(new CoapPackageFetcher(smallBuffer, "coap", Duration.ofSeconds(20))).build();
            StatusRecorder observer = StatusRecorder.on(enabler);

            writeUri(enabler, fileUri("image-2.0.0"));
            awaitStatus(enabler, "0/3");

            assertThat(observer.steps()).containsExactly("1/0", "0/3");
        }
    }

    @Test
    void int_775_a_port_that_never_answers_ends_with_connection_lost() throws Exception {
        FirmwareUpdateEnabler enabler = enabler(Duration.ofSeconds(1));
        StatusRecorder observer = StatusRecorder.on(enabler);
        silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());

        writeUri(enabler, "coap://127.0.0.1:" + silent.getLocalPort() + "/fw/image");
        awaitStatus(enabler, "0/4");

        assertThat(observer.steps()).containsExactly("1/0", "0/4");
    }

    @Test
    void an_empty_uri_written_during_a_download_resets_to_idle_and_cancels_the_exchange() throws Exception {
        FirmwareUpdateEnabler enabler = enabler(Duration.ofSeconds(60));
        StatusRecorder observer = StatusRecorder.on(enabler);
        silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        silent.setSoTimeout(10_000);

        writeUri(enabler, "coap://127.0.0.1:" + silent.getLocalPort() + "/fw/image");
        silent.receive(new DatagramPacket(new byte[2048], 2048));
        assertThat(stateAndResult(enabler)).as("the GET is out, no answer yet").isEqualTo("1/0");
        writeUri(enabler, "");
        assertThat(stateAndResult(enabler)).isEqualTo("0/0");

        silent.setSoTimeout(6_000);
        assertThatThrownBy(() -> silent.receive(new DatagramPacket(new byte[2048], 2048)))
                .as("a live CON GET is retransmitted after 2 to 3 s (RFC 7252 4.8); a cancelled one is not")
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(observer.steps()).containsExactly("1/0", "0/0");
        assertThat(enabler.status().packageUri()).isEmpty();
    }
}
