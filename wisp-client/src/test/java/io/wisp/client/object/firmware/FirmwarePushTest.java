package io.wisp.client.object.firmware;

import static io.wisp.client.object.firmware.Fixtures.FACTORY;
import static io.wisp.client.object.firmware.Fixtures.NEXT;
import static io.wisp.client.object.firmware.Fixtures.assertRefused;
import static io.wisp.client.object.firmware.Fixtures.execute;
import static io.wisp.client.object.firmware.Fixtures.stateAndResult;
import static io.wisp.client.object.firmware.Fixtures.validPackage;
import static io.wisp.client.object.firmware.Fixtures.writePackage;
import static io.wisp.client.object.firmware.Fixtures.writeUri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.operation.ResponseCode;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Push delivery (a server writes Package /5/0/0) through the state machine of Core TS Appendix E.6, observed the way
 * a server observing /5/0/3 and /5/0/5 sees it. ETS names where an interop case checks the same thing.
 */
class FirmwarePushTest {
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @AfterAll
    static void stopExecutor() {
        EXECUTOR.shutdownNow();
    }

    private final ScriptedInstaller installer = new ScriptedInstaller(new SimulatedFirmwareInstaller(FACTORY));
    private final FirmwareUpdateEnabler enabler = FirmwareUpdateEnabler.builder(installer, EXECUTOR).build();
    private final StatusRecorder observer = StatusRecorder.on(enabler);

    private void awaitStatus(String expected) {
        await().atMost(PATIENCE).until(() -> stateAndResult(enabler).equals(expected));
    }

    @Test
    void a_pushed_1_mb_package_goes_downloading_downloaded_updating_idle_with_success() {
        installer.release();
        byte[] pkg = validPackage(1 << 20);

        writePackage(enabler, pkg);
        awaitStatus("2/0");
        assertThat(enabler.status().packageInfo()).isEqualTo(NEXT);
        execute(enabler, "/5/0/2");
        awaitStatus("0/1");

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "3/0", "0/1");
        assertThat(installer.device.running()).isEqualTo(NEXT);
    }

    @Test
    void int_755_a_single_nul_byte_resets_and_changes_nothing_then_a_valid_package_is_downloaded() {
        installer.release();

        writePackage(enabler, new byte[] {0});
        assertThat(stateAndResult(enabler)).isEqualTo("0/0");
        assertThat(observer.reports()).isEmpty();

        writePackage(enabler, validPackage(10_000));
        awaitStatus("2/0");
        assertThat(observer.steps()).containsExactly("1/0", "2/0");
    }

    @Test
    void int_776_a_corrupt_package_ends_idle_with_integrity_failure() {
        installer.release();
        byte[] pkg = validPackage(1 << 20);
        pkg[pkg.length / 2] ^= 0x40;

        writePackage(enabler, pkg);
        awaitStatus("0/5");

        assertThat(observer.steps()).containsExactly("1/0", "0/5");
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/2"));
    }

    @Test
    void int_777_a_package_of_another_type_ends_idle_with_unsupported_package_type() {
        installer.release();

        writePackage(enabler, Fixtures.randomBytes(4096, 7));
        awaitStatus("0/6");

        assertThat(observer.steps()).containsExactly("1/0", "0/6");
    }

    @Test
    void int_773_a_package_larger_than_the_flash_ends_idle_with_not_enough_flash() {
        FirmwareUpdateEnabler small = FirmwareUpdateEnabler.builder(
                new SimulatedFirmwareInstaller(64 * 1024, FACTORY), EXECUTOR).build();
        StatusRecorder seen = StatusRecorder.on(small);

        writePackage(small, validPackage(100 * 1024));
        await().atMost(PATIENCE).until(() -> stateAndResult(small).equals("0/2"));

        assertThat(seen.steps()).containsExactly("1/0", "0/2");
    }

    @Test
    void int_772_update_without_a_package_is_refused_with_4_05_and_changes_nothing() {
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/2"));

        assertThat(stateAndResult(enabler)).isEqualTo("0/0");
        assertThat(observer.reports()).isEmpty();
    }

    @Test
    void update_and_a_second_package_are_refused_with_4_05_while_downloading() {
        writePackage(enabler, validPackage(1000));
        assertThat(stateAndResult(enabler)).isEqualTo("1/0");

        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/2"));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> writePackage(enabler, validPackage(2000)));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> writeUri(enabler, "coap://127.0.0.1/fw"));
        installer.release();
        awaitStatus("2/0");

        assertThat(observer.steps()).containsExactly("1/0", "2/0");
    }

    @Test
    void int_779_a_failed_installation_reports_8_keeps_the_package_and_update_can_be_retried() {
        installer.release();
        installer.installVerdict = Verdict.refused(UpdateResult.UPDATE_FAILED, "flash write error");
        writePackage(enabler, validPackage(5000));
        awaitStatus("2/0");

        execute(enabler, "/5/0/2");
        awaitStatus("2/8");
        assertThat(installer.device.running()).isEqualTo(FACTORY);
        installer.installVerdict = null;
        execute(enabler, "/5/0/2");
        awaitStatus("0/1");

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "3/0", "2/8", "3/0", "0/1");
        assertThat(installer.device.running()).isEqualTo(NEXT);
    }

    @Test
    void an_installation_failing_its_integrity_check_drops_the_package_and_ends_idle() {
        installer.release();
        installer.installVerdict = Verdict.refused(UpdateResult.INTEGRITY_FAILURE, "image changed in flash");
        writePackage(enabler, validPackage(5000));
        awaitStatus("2/0");

        execute(enabler, "/5/0/2");
        awaitStatus("0/5");

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "3/0", "0/5");
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/2"));
    }

    @Test
    void while_updating_writes_resets_and_cancel_are_refused_with_4_05() {
        installer.verifyGate.countDown();
        writePackage(enabler, validPackage(5000));
        awaitStatus("2/0");
        execute(enabler, "/5/0/2");
        assertThat(stateAndResult(enabler)).isEqualTo("3/0");

        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> writePackage(enabler, new byte[] {0}));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> writeUri(enabler, ""));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/10"));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/2"));
        installer.release();
        awaitStatus("0/1");

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "3/0", "0/1");
        assertThat(installer.installs).hasValue(1);
    }

    @Test
    void a_new_package_is_refused_in_downloaded_until_an_empty_package_uri_resets() {
        installer.release();
        writePackage(enabler, validPackage(5000));
        awaitStatus("2/0");

        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> writePackage(enabler, validPackage(6000)));
        writeUri(enabler, "");
        assertThat(stateAndResult(enabler)).isEqualTo("0/0");
        assertThat(enabler.status().packageInfo()).isEqualTo(PackageInfo.NONE);
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/2"));

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "0/0");
    }

    @Test
    void cancel_drops_a_downloaded_package_with_result_10_and_is_refused_when_idle() {
        installer.release();
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/10"));
        writePackage(enabler, validPackage(5000));
        awaitStatus("2/0");

        execute(enabler, "/5/0/10");

        assertThat(stateAndResult(enabler)).isEqualTo("0/10");
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/2"));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> execute(enabler, "/5/0/10"));
        assertThat(observer.steps()).containsExactly("1/0", "2/0", "0/10");
    }

    @Test
    void cancel_while_downloading_discards_the_check_that_finishes_later() {
        writePackage(enabler, validPackage(5000));

        execute(enabler, "/5/0/10");
        installer.release();
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> stateAndResult(enabler).equals("0/10"));

        assertThat(observer.steps()).containsExactly("1/0", "0/10");
    }

    @Test
    void a_package_the_executor_refuses_to_check_ends_idle_with_out_of_ram_instead_of_hanging() {
        FirmwareUpdateEnabler starved = FirmwareUpdateEnabler.builder(installer, task -> {
            throw new RejectedExecutionException("queue full");
        }).build();
        StatusRecorder seen = StatusRecorder.on(starved);

        writePackage(starved, validPackage(1000));

        assertThat(stateAndResult(starved)).isEqualTo("0/3");
        assertThat(seen.steps()).containsExactly("1/0", "0/3");
    }
}
