package io.wisp.client.object.std;

/**
 * What the standard objects ask of the client engine when a server executes one of their actions: the Server
 * object's Disable, Registration Update Trigger and Bootstrap-Request Trigger (Core TS Appendix E.2, /1/x/4, /1/x/8,
 * /1/x/9) and the Device object's Reboot and Factory Reset (Appendix E.4, /3/0/4, /3/0/5).
 *
 * <p>Each method is called on the thread that serves the Execute, before the 2.04 Changed is sent: it must only
 * schedule the work and return (a de-registration or reboot that ran inline would race its own response).
 * The defaults do nothing, for a client that has no engine behind it (tests, tools).
 */
public interface ClientActions {
    /** Does nothing at all. */
    ClientActions NONE = new ClientActions() {
    };

    /** /1/x/4: de-register from the server and stay away for its Disable Timeout (/1/x/5). */
    default void disable(int shortServerId) {
    }

    /** /1/x/8: send a registration Update to the server now. */
    default void registrationUpdate(int shortServerId) {
    }

    /** /1/x/9: start a client-initiated bootstrap. */
    default void bootstrapRequest(int shortServerId) {
    }

    /** /3/0/4: restart the device (a simulated client registers again). */
    default void reboot() {
    }

    /** /3/0/5: return to the factory configuration, then restart. */
    default void factoryReset() {
    }
}
