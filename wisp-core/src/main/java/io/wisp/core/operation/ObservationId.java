package io.wisp.core.operation;

import java.util.Locale;

/**
 * Identifies an observation the server holds at a client: the CoAP token of the observe request, which every
 * notification echoes (Transport TS §6; RFC 7641 §3.2). Wisp's observe tokens are 8 bytes, held in a long and
 * written as 16 hex digits, the way packet captures show them.
 */
public record ObservationId(long token) {

    /** Reads the 16-hex-digit form; throws naming the problem otherwise. */
    public static ObservationId parse(String hex) {
        if (hex == null || hex.length() != 16) {
            throw new IllegalArgumentException("observation ID must be 16 hex digits, got '" + hex + "'");
        }
        try {
            return new ObservationId(Long.parseUnsignedLong(hex, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("observation ID must be 16 hex digits, got '" + hex + "'", e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%016x", token);
    }
}
