package io.wisp.client.object.firmware;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.object.ObjectException;
import io.wisp.client.object.Requester;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Packages, requests and assertions the firmware tests share. */
final class Fixtures {
    static final Requester SERVER = Requester.server(1);
    static final PackageInfo FACTORY = new PackageInfo("wisp-sim", "1.0.0");
    static final PackageInfo NEXT = new PackageInfo("wisp-sim", "2.0.0");

    private Fixtures() {
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A valid package of {@code bodySize} random bytes, version {@link #NEXT}. */
    static byte[] validPackage(int bodySize) {
        return SimulatedPackage.build(NEXT, randomBytes(bodySize, bodySize));
    }

    static void writePackage(FirmwareUpdateEnabler enabler, byte[] pkg) {
        enabler.write(SERVER, LwM2mPath.parse("/5/0/0"), SingleResource.of(0, Value.of(pkg)), true);
    }

    static void writeUri(FirmwareUpdateEnabler enabler, String uri) {
        enabler.write(SERVER, LwM2mPath.parse("/5/0/1"), SingleResource.of(1, Value.of(uri)), true);
    }

    static void execute(FirmwareUpdateEnabler enabler, String path) {
        enabler.execute(SERVER, LwM2mPath.parse(path), io.wisp.core.execute.ExecuteArguments.EMPTY);
    }

    /** "state/result" as a server reads them now. */
    static String stateAndResult(FirmwareUpdateEnabler enabler) {
        return StatusRecorder.read(enabler, StatusRecorder.STATE) + "/" + StatusRecorder.read(enabler,
                StatusRecorder.RESULT);
    }

    static void assertRefused(ResponseCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ObjectException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
    }
}
