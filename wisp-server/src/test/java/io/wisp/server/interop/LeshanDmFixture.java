package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.server.testing.LeshanDevice;
import io.wisp.server.testing.ManagedObjects;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One Wisp server and one Leshan client with the device-management objects ({@link ManagedObjects}) per test class,
 * over real UDP on 127.0.0.1: the setting of the ETS device-management cases (200–299). Tests that change the
 * client's state put it back, so they do not depend on their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeshanDmFixture {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final long LIFETIME = 300;
    /** The formats the Leshan client reads and writes for any node. */
    static final ContentFormat[] STRUCTURED = {ContentFormat.TLV, ContentFormat.JSON, ContentFormat.SENML_JSON,
        ContentFormat.SENML_CBOR};

    final ManagedObjects objects = new ManagedObjects(LIFETIME);
    WispServer server;
    LeshanDevice device;
    String endpoint;

    @BeforeAll
    void startServerAndClient() throws UnknownHostException {
        endpoint = "dm-" + getClass().getSimpleName();
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ManagedObjects.serverModels()).build();
        server.start();
        device = LeshanDevice.start(endpoint, server.localAddress(), LIFETIME, false, objects.extras());
        await().atMost(Duration.ofSeconds(20)).until(() -> !device.locations.isEmpty()
                && server.registrations().byEndpoint(endpoint).isPresent());
    }

    @AfterAll
    void stopAll() {
        if (device != null) {
            device.close();
        }
        server.close();
    }

    static Stream<ContentFormat> structuredFormats() {
        return Stream.of(STRUCTURED);
    }

    /** Sends and waits for the typed answer. */
    <R extends LwM2mResponse> R send(LwM2mRequest<R> request) {
        return server.sendAndWait(endpoint, request, TIMEOUT);
    }

    /** Reads and requires 2.05. */
    LwM2mNode read(String path, ContentFormat format) {
        ReadResponse r = send(format == null ? ReadRequest.of(path) : ReadRequest.of(path, format));
        assertThat(r.code()).as("Read %s in %s", path, format).isEqualTo(ResponseCode.CONTENT);
        return r.content();
    }

    Registration registration() {
        return server.registrations().byEndpoint(endpoint).orElseThrow();
    }

    /** Waits until the client's Update has brought the registration's lifetime to {@code seconds}. */
    void awaitLifetime(long seconds) {
        await().atMost(TIMEOUT).until(() -> registration().lifetime() == seconds);
    }

    /** The value of a single resource of an instance. */
    static Value value(LwM2mNode instance, int resourceId) {
        LwM2mResource r = ((ObjectInstance) instance).resource(resourceId);
        assertThat(r).as("resource %d in %s", resourceId, instance).isInstanceOf(SingleResource.class);
        return ((SingleResource) r).value();
    }

    /** The value of a single resource or resource instance node. */
    static Value value(LwM2mNode leaf) {
        if (leaf instanceof SingleResource s) {
            return s.value();
        }
        assertThat(leaf).isInstanceOf(ResourceInstance.class);
        return ((ResourceInstance) leaf).value();
    }

    /** The instances of a multiple resource of an instance, by ID, as values. */
    static java.util.Map<Integer, Value> values(LwM2mNode instance, int resourceId) {
        LwM2mResource r = ((ObjectInstance) instance).resource(resourceId);
        assertThat(r).as("resource %d in %s", resourceId, instance).isInstanceOf(MultipleResource.class);
        java.util.Map<Integer, Value> out = new java.util.TreeMap<>();
        ((MultipleResource) r).instances().forEach((id, ri) -> out.put(id, ri.value()));
        return out;
    }
}
