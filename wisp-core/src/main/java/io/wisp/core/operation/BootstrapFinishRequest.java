package io.wisp.core.operation;

/**
 * Bootstrap-Finish (Core TS §6.1): the Bootstrap-Server is done; the client checks that its new configuration is
 * consistent (§6.1, Bootstrap and Configuration Consistency) and then registers with the servers it was given. A
 * CoAP POST to {@code /bs} (Transport TS §6.1). It has no parameters.
 */
public record BootstrapFinishRequest() implements BootstrapDownlinkRequest<BootstrapFinishResponse> {
    private static final BootstrapFinishRequest INSTANCE = new BootstrapFinishRequest();

    public static BootstrapFinishRequest of() {
        return INSTANCE;
    }
}
