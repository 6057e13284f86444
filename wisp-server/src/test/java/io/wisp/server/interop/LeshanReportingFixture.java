package io.wisp.server.interop;

import static org.awaitility.Awaitility.await;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.server.testing.LeshanDevice;
import io.wisp.server.testing.RecordingReports;
import io.wisp.server.testing.ReportingObjects;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One Wisp server per test class for the information-reporting cases (ETS 300–399), recording every notification
 * and Send it hears; each test registers its own Leshan client with objects whose values it sets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeshanReportingFixture {
    final RecordingReports reports = new RecordingReports();
    ReportingObjects objects;
    WispServer server;
    LeshanDevice device;

    @BeforeAll
    void startServer() throws UnknownHostException {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ModelRegistry.bundled()).build();
        server.addObservationListener(reports);
        server.addSendListener(reports);
        server.start();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @BeforeEach
    void freshObjects() {
        objects = new ReportingObjects();
    }

    @AfterEach
    void stopDevice() {
        if (device != null) {
            device.close();
            device = null;
        }
    }

    static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
    }

    /** Starts a Leshan client for {@code endpoint} and waits until both sides know the registration. */
    Registration register(String endpoint) {
        device = LeshanDevice.start(endpoint, server.localAddress(), 300, false, objects.extras());
        waiting().until(() -> server.registrations().byEndpoint(endpoint).isPresent()
                && !device.locations.isEmpty());
        return server.registrations().byEndpoint(endpoint).orElseThrow();
    }
}
