package io.wisp.app;

/** A setting of {@code wisp server} that cannot be used: names the setting (flag or config key) and why. */
final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String field, String reason) {
        super(field + ": " + reason);
    }
}
