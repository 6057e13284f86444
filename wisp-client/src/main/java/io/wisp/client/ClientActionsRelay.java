package io.wisp.client;

import io.wisp.client.object.std.ClientActions;
import java.util.concurrent.TimeUnit;

/**
 * Forwards the executes of the Server and Device objects (Registration Update Trigger, Disable, Bootstrap-Request
 * Trigger, Reboot; Core TS Appendix E.2, E.4) to the client once it exists: the objects are built before it. Each
 * action runs on the client's scheduler, after the Execute was answered on the transport's thread.
 */
final class ClientActionsRelay implements ClientActions {
    volatile WispClient client;

    @Override
    public void registrationUpdate(int shortServerId) {
        WispClient c = client;
        if (c != null) {
            c.scheduler.execute(() -> c.triggerUpdate(shortServerId));
        }
    }

    @Override
    public void disable(int shortServerId) {
        WispClient c = client;
        if (c != null) {
            c.scheduler.execute(() -> c.disable(shortServerId));
        }
    }

    /** Reboots a moment later, so that the answer to the Execute leaves before the De-register. */
    @Override
    public void reboot() {
        WispClient c = client;
        if (c != null) {
            c.scheduler.schedule(c::reboot, WispClient.REBOOT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void bootstrapRequest(int shortServerId) {
        WispClient c = client;
        if (c != null) {
            c.scheduler.execute(() -> c.bootstrap.request("Bootstrap-Request Trigger executed by server "
                    + shortServerId));
        }
    }
}
