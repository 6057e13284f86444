package io.wisp.core.codec.senml;

import io.wisp.core.SyntaxException;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves records into paths, values and times (RFC 8428 §4.6): a base name, base time or base value applies to
 * its record and every later one until the next; a record's name is its base name followed by its name, and must be
 * an LwM2M path ({@code /3/0/} + {@code 1/0} = {@code /3/0/1/0}, Core TS §7.4 SenML JSON).
 */
final class SenmlResolver {

    /** One resolved record: its path, its value (null in a path list), its resolved time (null when none). */
    record Resolved(LwM2mPath path, SenmlValue value, BigDecimal time, int offset) {
    }

    private SenmlResolver() {
    }

    /**
     * Records carrying values: every name must be a resource or resource instance path, every record must hold
     * one value.
     */
    static List<Resolved> values(ContentFormat format, List<SenmlRecord> records) {
        return resolve(format, records, true);
    }

    /** Records naming paths (Read-, Observe-Composite bodies, SenML-ETCH Fetch): any path, no value. */
    static List<Resolved> paths(ContentFormat format, List<SenmlRecord> records) {
        return resolve(format, records, false);
    }

    private static List<Resolved> resolve(ContentFormat format, List<SenmlRecord> records, boolean withValues) {
        List<Resolved> out = new ArrayList<>(records.size());
        String baseName = "";
        BigDecimal baseTime = null;
        SenmlValue.Num baseValue = null;
        for (SenmlRecord r : records) {
            if (r.baseName() != null) {
                baseName = r.baseName();
            }
            if (r.baseTime() != null) {
                baseTime = r.baseTime();
            }
            if (r.baseValue() != null) {
                baseValue = r.baseValue();
            }
            String name = r.name() == null ? baseName : baseName + r.name();
            LwM2mPath path = path(format, name, r.offset());
            SenmlValue value = r.value();
            if (withValues) {
                if (path.depth() < 3) {
                    throw CodecException.malformed(format, r.offset(), path, "name '" + name
                            + "' is not a resource or resource instance path");
                }
                if (value == null) {
                    throw CodecException.malformed(format, r.offset(), path,
                            "record has no value (v, vs, vb, vd or vlo)");
                }
                if (baseValue != null && value instanceof SenmlValue.Num n) {
                    value = add(baseValue, n);
                }
            } else if (value != null) {
                throw CodecException.malformed(format, r.offset(), path, "a path list record names a path only, "
                        + "this one has a value ('" + value.label().jsonName() + "')");
            }
            out.add(new Resolved(path, value, time(baseTime, r.time()), r.offset()));
        }
        return out;
    }

    private static LwM2mPath path(ContentFormat format, String name, int offset) {
        if (name.isEmpty()) {
            throw CodecException.malformed(format, offset, null, "record has no name (n or bn)");
        }
        try {
            return LwM2mPath.parse(name);
        } catch (SyntaxException e) {
            throw CodecException.malformed(format, offset, null, "name '" + name + "' is not an LwM2M path: "
                    + e.reason(), e);
        }
    }

    /** Base time plus time; null when neither is given, and 0 ("now") folded into null too. */
    private static BigDecimal time(BigDecimal baseTime, BigDecimal time) {
        BigDecimal sum = baseTime == null ? time : time == null ? baseTime : baseTime.add(time);
        return sum == null || sum.signum() == 0 ? null : sum;
    }

    /** Base value plus value (RFC 8428 §4.6): exact for whole numbers, a double otherwise. */
    private static SenmlValue.Num add(SenmlValue.Num base, SenmlValue.Num value) {
        if (!base.floating() && !value.floating()) {
            BigInteger sum = toBig(base.number()).add(toBig(value.number()));
            return new SenmlValue.Num(sum.bitLength() < 64 ? (Number) sum.longValue() : sum, false);
        }
        return new SenmlValue.Num(base.number().doubleValue() + value.number().doubleValue(), true);
    }

    private static BigInteger toBig(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }
}
