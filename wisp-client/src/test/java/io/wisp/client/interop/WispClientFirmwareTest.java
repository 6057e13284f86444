package io.wisp.client.interop;

import static io.wisp.client.interop.Nodes.number;
import static io.wisp.client.interop.Nodes.value;
import static io.wisp.client.interop.Nodes.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.WispClient;
import io.wisp.client.object.firmware.FirmwareUpdateEnabler;
import io.wisp.client.object.firmware.PackageInfo;
import io.wisp.client.object.firmware.SimulatedFirmwareInstaller;
import io.wisp.client.object.firmware.SimulatedPackage;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObserveCompositeRequest;
import io.wisp.core.operation.ObserveCompositeResponse;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.UplinkResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Firmware Update (object 5, Core TS Appendix E.6; ETS 751–778) over the wire: the Wisp server pushes a 1 MB package
 * block-wise to /5/0/0 or has the client pull it from a CoAP URI served by a file server on 127.0.0.1, executes
 * Update, and follows State /5/0/3 and Update Result /5/0/5 with an Observe-Composite. A fresh client per scenario
 * (wired with {@code WispClient.builder().firmware(...)}), one server for all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientFirmwareTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TRANSFER = Duration.ofSeconds(60);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int MEGABYTE = 1 << 20;

    private final List<ObservationNotification> notifications = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private final ExecutorService installerWork = Executors.newFixedThreadPool(2);
    private final AtomicInteger clients = new AtomicInteger();
    private WispServer server;
    private CoapTransport fileServer;
    private WispClient client;
    private String endpoint;

    @BeforeAll
    void start() {
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled()).build();
        server.addObservationListener(notifications::add);
        server.start();
        fileServer = CoapTransport.builder().udp("coap", new InetSocketAddress(LOOPBACK, 0)).route("fw", request -> {
            byte[] file = request.path().size() == 2 ? files.get(request.path().get(1)) : null;
            if (file == null) {
                return UplinkResponse.error(CoapCode.NOT_FOUND, "no such file");
            }
            downloads.incrementAndGet();
            return UplinkResponse.content(CoapCode.CONTENT, ContentFormat.OPAQUE.code(), file);
        }).build();
        fileServer.start();
    }

    @BeforeEach
    void newDevice() {
        endpoint = "wisp-fw-" + clients.incrementAndGet();
        client = WispClient.builder(endpoint).bindAddress(LOOPBACK).lwm2mVersion(Version.V1_2)
                .server(1, server.localAddress(), Duration.ofMinutes(5))
                .firmware(FirmwareUpdateEnabler.builder(new SimulatedFirmwareInstaller(
                        new PackageInfo("wisp-sim", "1.0.0")), installerWork))
                .build();
        client.start();
        await().atMost(TIMEOUT).until(() -> client.isRegistered()
                && server.registrations().byEndpoint(endpoint).isPresent());
    }

    @AfterEach
    void stopDevice() throws Exception {
        client.stop().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() {
        fileServer.close();
        server.close();
        installerWork.shutdownNow();
    }

    private static byte[] image(String version, long seed) {
        byte[] body = new byte[MEGABYTE];
        new Random(seed).nextBytes(body);
        return SimulatedPackage.build(new PackageInfo("wisp-sim", version), body);
    }

    /** Observes State and Update Result together; returns the observation. */
    private Observation observeStatus() {
        ObserveCompositeResponse r = server.sendAndWait(endpoint, ObserveCompositeRequest.of(ContentFormat.SENML_CBOR,
                "/5/0/3", "/5/0/5"), TIMEOUT);
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(stateAndResult(r.content())).isEqualTo("0/0");
        return r.activeObservation().orElseThrow();
    }

    /** State/Result pairs as the server received them, in order. */
    private List<String> steps(Observation o) {
        return notifications.stream().filter(n -> n.observation().id().equals(o.id()))
                .map(n -> stateAndResult(n.content())).toList();
    }

    private static String stateAndResult(Map<LwM2mPath, io.wisp.core.node.LwM2mNode> content) {
        return (long) number(value(content.get(LwM2mPath.parse("/5/0/3")))) + "/"
                + (long) number(value(content.get(LwM2mPath.parse("/5/0/5"))));
    }

    private void awaitStep(Observation o, String step) {
        await().atMost(TRANSFER).until(() -> steps(o).contains(step));
    }

    private Value firmwareVersion() {
        return value(server.sendAndWait(endpoint, ReadRequest.of("/3/0/3", ContentFormat.TEXT), TIMEOUT)
                .node().orElseThrow());
    }

    @Test
    void int_751_firmware_read() {
        ObjectInstance fw = (ObjectInstance) server.sendAndWait(endpoint, ReadRequest.of("/5/0", ContentFormat.TLV),
                TIMEOUT).node().orElseThrow();
        assertThat(value(fw, 3)).isEqualTo(Value.of(0L));
        assertThat(value(fw, 5)).isEqualTo(Value.of(0L));
        assertThat(values(fw, 8)).as("protocols: CoAP").containsValue(Value.of(0L));
        assertThat(value(fw, 9)).as("delivery: push and pull").isEqualTo(Value.of(2L));
    }

    @Test
    void int_770_firmware_update_push_of_1_mb_block_wise() {
        Observation o = observeStatus();
        var written = server.sendAndWait(endpoint, WriteRequest.replaceValue("/5/0/0",
                Value.of(image("2.0.0", 770)), ContentFormat.OPAQUE), TRANSFER);
        assertThat(written.code()).isEqualTo(ResponseCode.CHANGED);
        awaitStep(o, "2/0");

        assertThat(server.sendAndWait(endpoint, ExecuteRequest.of("/5/0/2"), TIMEOUT).code())
                .isEqualTo(ResponseCode.CHANGED);

        awaitStep(o, "0/1");
        assertThat(steps(o)).containsSubsequence("1/0", "2/0", "3/0", "0/1").endsWith("0/1");
        await().atMost(TIMEOUT).until(() -> firmwareVersion().equals(Value.of("2.0.0")));
    }

    @Test
    void int_771_firmware_update_pull_of_1_mb_from_a_coap_uri() {
        files.put("image-3.0.0", image("3.0.0", 771));
        int before = downloads.get();
        Observation o = observeStatus();
        String uri = "coap://127.0.0.1:" + fileServer.localAddress("coap").getPort() + "/fw/image-3.0.0";

        assertThat(server.sendAndWait(endpoint, WriteRequest.replaceValue("/5/0/1", Value.of(uri),
                ContentFormat.TEXT), TIMEOUT).code()).isEqualTo(ResponseCode.CHANGED);
        awaitStep(o, "2/0");
        assertThat(server.sendAndWait(endpoint, ExecuteRequest.of("/5/0/2"), TIMEOUT).code())
                .isEqualTo(ResponseCode.CHANGED);

        awaitStep(o, "0/1");
        assertThat(steps(o)).containsSubsequence("1/0", "2/0", "3/0", "0/1");
        assertThat(downloads.get() - before).as("one GET, its answer sliced into blocks").isEqualTo(1);
        await().atMost(TIMEOUT).until(() -> firmwareVersion().equals(Value.of("3.0.0")));
    }

    @Test
    void int_776_firmware_integrity_failure() {
        Observation o = observeStatus();
        byte[] corrupt = image("6.6.6", 776);
        corrupt[corrupt.length / 2] ^= 0x5A;

        assertThat(server.sendAndWait(endpoint, WriteRequest.replaceValue("/5/0/0", Value.of(corrupt),
                ContentFormat.OPAQUE), TRANSFER).code()).isEqualTo(ResponseCode.CHANGED);

        awaitStep(o, "0/5");
        assertThat(steps(o)).containsSubsequence("1/0", "0/5").doesNotContain("2/0");
        assertThat(firmwareVersion()).isEqualTo(Value.of("1.0.0"));
    }

    @Test
    void int_772_firmware_update_without_package() {
        assertThat(server.sendAndWait(endpoint, ExecuteRequest.of("/5/0/2"), TIMEOUT).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        ObjectInstance fw = (ObjectInstance) server.sendAndWait(endpoint, ReadRequest.of("/5/0", ContentFormat.TLV),
                TIMEOUT).node().orElseThrow();
        assertThat(value(fw, 3)).isEqualTo(Value.of(0L));
        assertThat(value(fw, 5)).isEqualTo(Value.of(0L));
    }

    @Test
    void int_778_firmware_invalid_uri() {
        Observation o = observeStatus();
        String uri = "coap://127.0.0.1:" + fileServer.localAddress("coap").getPort() + "/fw/no-such-image";

        assertThat(server.sendAndWait(endpoint, WriteRequest.replaceValue("/5/0/1", Value.of(uri),
                ContentFormat.TEXT), TIMEOUT).code()).isEqualTo(ResponseCode.CHANGED);

        awaitStep(o, "0/7");
        assertThat(steps(o)).containsSubsequence("1/0", "0/7");
    }
}
