package io.wisp.client.object.firmware;

import static io.wisp.client.object.firmware.Fixtures.FACTORY;
import static io.wisp.client.object.firmware.Fixtures.SERVER;
import static io.wisp.client.object.firmware.Fixtures.execute;
import static io.wisp.client.object.firmware.Fixtures.stateAndResult;
import static io.wisp.client.object.firmware.Fixtures.validPackage;
import static io.wisp.client.object.firmware.Fixtures.writePackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Deferred updates (Update Result 11, Maximum Defer Period /5/0/13; Core TS Appendix E.6). */
class FirmwareDeferTest {
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @AfterAll
    static void stopExecutor() {
        EXECUTOR.shutdownNow();
    }

    private final ScriptedInstaller installer = new ScriptedInstaller(new SimulatedFirmwareInstaller(FACTORY))
            .release();
    private final FirmwareUpdateEnabler enabler = FirmwareUpdateEnabler.builder(installer, EXECUTOR).build();
    private final StatusRecorder observer = StatusRecorder.on(enabler);

    private void downloadedWithDeferPeriod(long seconds) {
        enabler.write(SERVER, LwM2mPath.parse("/5/0/13"), SingleResource.of(13, Value.unsigned(seconds)), true);
        writePackage(enabler, validPackage(3000));
        await().atMost(PATIENCE).until(() -> stateAndResult(enabler).equals("2/0"));
    }

    @Test
    void a_deferred_update_stays_downloaded_with_result_11_until_the_user_accepts() {
        installer.userDefers = true;
        downloadedWithDeferPeriod(3600);

        execute(enabler, "/5/0/2");
        await().atMost(PATIENCE).until(() -> stateAndResult(enabler).equals("2/11"));
        assertThat(installer.installs).hasValue(0);
        assertThat(enabler.startDeferredUpdate()).isTrue();
        await().atMost(PATIENCE).until(() -> stateAndResult(enabler).equals("0/1"));

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "2/11", "3/0", "0/1");
        assertThat(enabler.startDeferredUpdate()).isFalse();
    }

    @Test
    void a_deferred_update_installs_itself_when_the_maximum_defer_period_ends() {
        installer.userDefers = true;
        downloadedWithDeferPeriod(1);

        execute(enabler, "/5/0/2");
        await().atMost(PATIENCE).until(() -> stateAndResult(enabler).equals("0/1"));

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "2/11", "3/0", "0/1");
    }

    @Test
    void with_a_maximum_defer_period_of_0_the_user_is_not_asked_and_the_update_starts_at_once() {
        installer.userDefers = true;
        downloadedWithDeferPeriod(0);

        execute(enabler, "/5/0/2");
        await().atMost(PATIENCE).until(() -> stateAndResult(enabler).equals("0/1"));

        assertThat(installer.deferQuestions).hasValue(0);
        assertThat(observer.steps()).containsExactly("1/0", "2/0", "3/0", "0/1");
    }

    @Test
    void a_reset_during_a_deferral_drops_the_package_and_the_timer() {
        installer.userDefers = true;
        downloadedWithDeferPeriod(1);
        execute(enabler, "/5/0/2");
        await().atMost(PATIENCE).until(() -> stateAndResult(enabler).equals("2/11"));

        Fixtures.writeUri(enabler, "");
        await().during(Duration.ofMillis(1500)).atMost(PATIENCE).until(() -> stateAndResult(enabler).equals("0/0"));

        assertThat(installer.installs).hasValue(0);
        assertThat(observer.steps()).containsExactly("1/0", "2/0", "2/11", "0/0");
    }
}
