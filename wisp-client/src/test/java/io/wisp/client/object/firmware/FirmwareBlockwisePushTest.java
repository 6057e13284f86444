package io.wisp.client.object.firmware;

import static io.wisp.client.object.firmware.Fixtures.FACTORY;
import static io.wisp.client.object.firmware.Fixtures.NEXT;
import static io.wisp.client.object.firmware.Fixtures.SERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.object.ObjectException;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.Peer;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server pushes a 1 MB package to the device over real CoAP with a block-wise PUT (RFC 7959) and executes Update.
 * The device side is its wisp-transport with a stand-in for the device-management dispatcher that serves only what
 * this needs: PUT /5/0/0 (opaque), POST /5/0/2, GET of State and Update Result as text.
 */
class FirmwareBlockwisePushTest {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final SimulatedFirmwareInstaller installer = new SimulatedFirmwareInstaller(FACTORY);
    private final FirmwareUpdateEnabler enabler = FirmwareUpdateEnabler.builder(installer, executor).build();
    private final CoapTransport device = CoapTransport.builder().udp("coap", ANY_PORT)
            .config(TransportConfig.builder().maxBodySize(2 << 20).build()).route("5", this::serve).build();
    private final CoapTransport server = CoapTransport.builder().udp("coap", ANY_PORT).build();

    @AfterEach
    void closeAll() {
        server.close();
        device.close();
        executor.shutdownNow();
    }

    private UplinkResponse serve(UplinkRequest request) {
        LwM2mPath path = LwM2mPath.parse(String.join("/", request.path()));
        try {
            switch (request.method()) {
                case PUT:
                    enabler.write(SERVER, path, SingleResource.of(path.resourceId(), Value.of(request.payload())),
                            true);
                    return UplinkResponse.of(CoapCode.CHANGED);
                case POST:
                    enabler.execute(SERVER, path, ExecuteArguments.EMPTY);
                    return UplinkResponse.of(CoapCode.CHANGED);
                case GET:
                    Value value = ((SingleResource) enabler.read(SERVER, path)).value();
                    return UplinkResponse.content(CoapCode.CONTENT, 0,
                            value.toString().getBytes(StandardCharsets.UTF_8));
                default:
                    return UplinkResponse.of(CoapCode.METHOD_NOT_ALLOWED);
            }
        } catch (ObjectException e) {
            return UplinkResponse.error(CoapCode.ofValue(e.code().value()), e.getMessage());
        }
    }

    private DownlinkResponse send(CoapMethod method, String path, byte[] opaque) throws Exception {
        DownlinkRequest request = DownlinkRequest.of(method, List.of(path.substring(1).split("/")));
        if (opaque != null) {
            request = request.withPayload(42, opaque);
        }
        Peer peer = Peer.unsecured("coap", device.localAddress("coap"));
        return server.downlinks().send(peer, request, TIMEOUT).get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private String stateAndResult() throws Exception {
        return send(CoapMethod.GET, "/5/0/3", null).payloadAsString() + "/"
                + send(CoapMethod.GET, "/5/0/5", null).payloadAsString();
    }

    @Test
    void int_770_a_1_mb_package_pushed_block_wise_is_downloaded_then_installed_on_update() throws Exception {
        device.start();
        server.start();
        StatusRecorder observer = StatusRecorder.on(enabler);

        assertThat(send(CoapMethod.POST, "/5/0/2", null).code()).as("Update before any package")
                .isEqualTo(CoapCode.METHOD_NOT_ALLOWED);
        assertThat(send(CoapMethod.PUT, "/5/0/0", Fixtures.validPackage(1 << 20)).code())
                .isEqualTo(CoapCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> stateAndResult().equals("2/0"));
        assertThat(send(CoapMethod.POST, "/5/0/2", null).code()).isEqualTo(CoapCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> stateAndResult().equals("0/1"));

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "3/0", "0/1");
        assertThat(installer.running()).isEqualTo(NEXT);
    }

    @Test
    void a_corrupt_package_pushed_block_wise_is_accepted_by_the_write_then_fails_its_integrity_check()
            throws Exception {
        device.start();
        server.start();
        byte[] pkg = Fixtures.validPackage(100_000);
        pkg[1000] ^= 1;

        assertThat(send(CoapMethod.PUT, "/5/0/0", pkg).code()).isEqualTo(CoapCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> stateAndResult().equals("0/5"));

        assertThat(installer.running()).isEqualTo(FACTORY);
    }
}
