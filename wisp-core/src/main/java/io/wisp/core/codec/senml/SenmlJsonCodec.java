package io.wisp.core.codec.senml;

import io.wisp.core.codec.ContentFormat;
import java.time.Clock;

/**
 * SenML JSON (content format 110, RFC 8428 §5) as LwM2M uses it (Core TS §7.4, SenML JSON): single nodes, nodes at
 * several paths (Read-Composite, Write-Composite), timestamped groups (Send, historical notifications) and the path
 * lists of Read-Composite and Observe-Composite requests. Stateless and thread-safe; the rules it follows are in
 * the package documentation.
 */
public final class SenmlJsonCodec extends AbstractSenmlCodec {

    /** With the system clock as "now" for relative times. */
    public SenmlJsonCodec() {
        this(Clock.systemUTC());
    }

    /** With the given clock as "now" for relative times (RFC 8428 §4.5.3). */
    public SenmlJsonCodec(Clock clock) {
        super(ContentFormat.SENML_JSON, SenmlJsonDialect.INSTANCE, clock, false);
    }
}
