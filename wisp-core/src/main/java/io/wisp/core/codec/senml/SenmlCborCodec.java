package io.wisp.core.codec.senml;

import io.wisp.core.codec.ContentFormat;
import java.time.Clock;

/**
 * SenML CBOR (content format 112, RFC 8428 §6) as LwM2M uses it (Core TS §7.4, SenML CBOR): single nodes, nodes at
 * several paths (Read-Composite, Write-Composite), timestamped groups (Send, historical notifications) and the path
 * lists of Read-Composite and Observe-Composite requests. Stateless and thread-safe; the rules it follows are in
 * the package documentation.
 */
public final class SenmlCborCodec extends AbstractSenmlCodec {

    /** With the system clock as "now" for relative times. */
    public SenmlCborCodec() {
        this(Clock.systemUTC());
    }

    /** With the given clock as "now" for relative times (RFC 8428 §4.5.3). */
    public SenmlCborCodec(Clock clock) {
        super(ContentFormat.SENML_CBOR, SenmlCborDialect.INSTANCE, clock, false);
    }
}
