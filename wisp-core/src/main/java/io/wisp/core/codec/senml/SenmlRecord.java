package io.wisp.core.codec.senml;

import java.math.BigDecimal;

/**
 * One SenML record with the fields LwM2M uses (RFC 8428 §4), as read or about to be written. Absent fields are
 * null. {@code offset} is where the record starts in the content (-1 for records being written).
 *
 * @param baseName  {@code bn}: prefix of this and later records' names
 * @param baseTime  {@code bt}: added to this and later records' times
 * @param baseValue {@code bv}: added to this and later records' numeric values
 * @param name      {@code n}
 * @param time      {@code t}
 * @param value     the one value field, or null for a record that names a path only
 */
record SenmlRecord(String baseName, BigDecimal baseTime, SenmlValue.Num baseValue, String name, BigDecimal time,
                   SenmlValue value, int offset) {

    /** A record to write: optional base name and base time, optional name, optional value. */
    static SenmlRecord of(String baseName, BigDecimal baseTime, String name, SenmlValue value) {
        return new SenmlRecord(baseName, baseTime, null, name, null, value, -1);
    }
}
