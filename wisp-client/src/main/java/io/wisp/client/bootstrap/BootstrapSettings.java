package io.wisp.client.bootstrap;

import io.wisp.client.engine.RetryPolicy;
import io.wisp.core.codec.ContentFormat;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a client bootstraps (Core TS §6.1, Transport TS §6.1).
 *
 * @param mode            Bootstrap-Request ({@code POST /bs}) or, for LwM2M 1.2, Bootstrap-Pack-Request
 *                        ({@code GET /bspack})
 * @param preferredFormat the {@code pct} of a Bootstrap-Request (LwM2M 1.1+) or the Accept of a
 *                        Bootstrap-Pack-Request; {@code null} for the client's usual choice (SenML CBOR)
 * @param sessionTimeout  how long the client waits for the Bootstrap-Server's next operation once a session runs;
 *                        a session that never reaches Bootstrap-Finish fails after this quiet time and is retried
 * @param retry           when to retry a failed client-initiated bootstrap: the same shape as the registration
 *                        retry of Core TS §6.2.1.1 (attempts, base delay doubling, sequences)
 * @param events          told of every step
 */
public record BootstrapSettings(Mode mode, ContentFormat preferredFormat, Duration sessionTimeout, RetryPolicy retry,
        BootstrapEvents events) {
    /**
     * The quiet time after which a session is given up: CoAP's EXCHANGE_LIFETIME with the RFC 7252 defaults
     * (247 s). The TS leaves the value to the implementation; this one outlasts every retransmission of a
     * Bootstrap-Server request.
     */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(247);

    /** Bootstrap-Request, the client's usual format, a 247 s session timeout, the TS registration retry defaults. */
    public static final BootstrapSettings DEFAULT = new BootstrapSettings(Mode.REQUEST, null,
            DEFAULT_SESSION_TIMEOUT, RetryPolicy.DEFAULT, BootstrapEvents.NONE);

    private static final Set<ContentFormat> REQUEST_FORMATS = Set.of(ContentFormat.TLV, ContentFormat.JSON,
            ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR, ContentFormat.LWM2M_CBOR);
    private static final Set<ContentFormat> PACK_FORMATS = Set.of(ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR,
            ContentFormat.LWM2M_CBOR);

    /** Which operation starts a client-initiated bootstrap. */
    public enum Mode {
        /** Bootstrap-Request: the Bootstrap-Server then writes the configuration operation by operation. */
        REQUEST,
        /** Bootstrap-Pack-Request (LwM2M 1.2): the whole configuration in one answer. */
        PACK
    }

    public BootstrapSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(events, "events");
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("sessionTimeout must be positive, got " + sessionTimeout);
        }
        Set<ContentFormat> allowed = mode == Mode.PACK ? PACK_FORMATS : REQUEST_FORMATS;
        if (preferredFormat != null && !allowed.contains(preferredFormat)) {
            throw new IllegalArgumentException("preferredFormat must be one of " + allowed + " for " + mode
                    + ", got " + preferredFormat);
        }
    }

    public BootstrapSettings withMode(Mode value) {
        return new BootstrapSettings(value, value == mode ? preferredFormat : null, sessionTimeout, retry, events);
    }

    public BootstrapSettings withPreferredFormat(ContentFormat value) {
        return new BootstrapSettings(mode, value, sessionTimeout, retry, events);
    }

    public BootstrapSettings withSessionTimeout(Duration value) {
        return new BootstrapSettings(mode, preferredFormat, value, retry, events);
    }

    public BootstrapSettings withRetry(RetryPolicy value) {
        return new BootstrapSettings(mode, preferredFormat, sessionTimeout, value, events);
    }

    public BootstrapSettings withEvents(BootstrapEvents value) {
        return new BootstrapSettings(mode, preferredFormat, sessionTimeout, retry, value);
    }

    /** The format to name in the request: the chosen one, else SenML CBOR, which every 1.1+ Bootstrap-Server reads. */
    ContentFormat formatOrDefault() {
        return preferredFormat != null ? preferredFormat : ContentFormat.SENML_CBOR;
    }
}
