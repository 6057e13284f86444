package io.wisp.core.codec.senml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * SenML time rules (RFC 8428 §4.5.3) as Wisp applies them. A record's time is its base time plus its time, to the
 * nanosecond. A resolved time of 2^28 or more is seconds since the Unix epoch; a smaller one (negative included) is
 * seconds relative to "now", the moment the content is decoded; 0, or no time at all, is "now" itself and decodes
 * as a null timestamp. LwM2M's own example of historical data (Core TS 1.1 Table 7.4.4-3, base time 25462634) is
 * below 2^28, so it is relative by this rule.
 *
 * <p>When writing, an instant at or after 2^28 seconds is written as it is; an earlier one cannot be written as an
 * absolute time and is written relative to the encoder's "now", so that a decoder resolves it to the same moment.
 */
final class SenmlTimes {
    /** 2^28 s: smaller times are relative to now. */
    static final BigDecimal RELATIVE_LIMIT = BigDecimal.valueOf(1L << 28);
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    /** Beyond about 31 700 years from the epoch no {@link Instant}-sized time is meant. */
    private static final int MAX_INTEGER_DIGITS = 18;

    private SenmlTimes() {
    }

    /**
     * A time read from the content, rounded to the nanosecond; throws {@link IllegalArgumentException} when its
     * magnitude reaches 10^18 seconds.
     */
    static BigDecimal normalize(BigDecimal raw) {
        if (raw.signum() == 0) {
            return BigDecimal.ZERO;
        }
        int integerDigits = raw.precision() - raw.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("time " + raw.toString() + " is out of range");
        }
        if (integerDigits < -10) {
            return BigDecimal.ZERO;
        }
        return raw.setScale(9, RoundingMode.HALF_EVEN);
    }

    /**
     * The instant a resolved time stands for, or null for "now" (no time, or 0). Throws
     * {@link java.time.DateTimeException} or {@link ArithmeticException} when it lies outside {@link Instant}'s range.
     */
    static Instant toInstant(BigDecimal resolved, Instant now) {
        if (resolved == null || resolved.signum() == 0) {
            return null;
        }
        BigInteger[] parts = resolved.setScale(9, RoundingMode.HALF_EVEN).unscaledValue()
                .divideAndRemainder(NANOS_PER_SECOND);
        long seconds = parts[0].longValueExact();
        long nanos = parts[1].longValue();
        if (nanos < 0) {
            seconds -= 1;
            nanos += 1_000_000_000L;
        }
        if (resolved.compareTo(RELATIVE_LIMIT) >= 0) {
            return Instant.ofEpochSecond(seconds, nanos);
        }
        return now.plusSeconds(seconds).plusNanos(nanos);
    }

    /** The SenML time to write for an instant: absolute from 2^28 s on, relative to {@code now} before. */
    static BigDecimal toSenml(Instant instant, Instant now) {
        BigDecimal absolute = seconds(instant);
        if (absolute.compareTo(RELATIVE_LIMIT) >= 0) {
            return absolute;
        }
        return absolute.subtract(seconds(now)).stripTrailingZeros();
    }

    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
    }
}
