package io.wisp.app.persistence;

import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A typed LwM2M value (Core TS Appendix C) in the value columns of {@code value_history}: its type name, and the one
 * column that holds it. Integers, unsigned integers (their 64 bits), times and booleans (0/1) go to
 * {@code long_value}; a float keeps its exact bits there too, and its number in {@code double_value} for people;
 * strings, Corelnk and Objlnk ({@code o:i}) go to {@code text_value}; opaque to {@code bytes_value}.
 */
final class ValueColumns {
    private ValueColumns() {
    }

    /** Sets the type and value parameters starting at {@code first}: type, long, double, text, bytes. */
    static void set(PreparedStatement s, int first, Value value) throws SQLException {
        s.setString(first, value.type().name());
        Long asLong = null;
        Double asDouble = null;
        String text = null;
        byte[] bytes = null;
        if (value instanceof Value.IntegerValue v) {
            asLong = v.value();
        } else if (value instanceof Value.UnsignedIntegerValue v) {
            asLong = v.bits();
        } else if (value instanceof Value.TimeValue v) {
            asLong = v.epochSeconds();
        } else if (value instanceof Value.BooleanValue v) {
            asLong = v.value() ? 1L : 0L;
        } else if (value instanceof Value.FloatValue v) {
            asLong = Double.doubleToRawLongBits(v.value());
            asDouble = v.value();
        } else if (value instanceof Value.StringValue v) {
            text = v.value();
        } else if (value instanceof Value.CorelnkValue v) {
            text = v.value();
        } else if (value instanceof Value.ObjlnkValue v) {
            text = v.value().toString();
        } else if (value instanceof Value.OpaqueValue v) {
            bytes = v.value();
        } else {
            throw new IllegalArgumentException("value of type " + value.type() + " cannot be stored");
        }
        if (asLong == null) {
            s.setNull(first + 1, Types.BIGINT);
        } else {
            s.setLong(first + 1, asLong);
        }
        if (asDouble == null) {
            s.setNull(first + 2, Types.DOUBLE);
        } else {
            s.setDouble(first + 2, asDouble);
        }
        s.setString(first + 3, text);
        if (bytes == null) {
            s.setNull(first + 4, Types.VARBINARY);
        } else {
            s.setBytes(first + 4, bytes);
        }
    }

    /** The value of the current row; throws {@link IllegalArgumentException} naming the column that is wrong. */
    static Value get(ResultSet rs) throws SQLException {
        String typeName = rs.getString("value_type");
        DataType type;
        try {
            type = DataType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("value_type '" + typeName + "' is not a data type", e);
        }
        switch (type) {
            case INTEGER:
                return Value.of(longValue(rs));
            case UNSIGNED_INTEGER:
                return Value.unsigned(longValue(rs));
            case TIME:
                return Value.time(longValue(rs));
            case BOOLEAN:
                return Value.of(longValue(rs) != 0);
            case FLOAT:
                return Value.of(Double.longBitsToDouble(longValue(rs)));
            case STRING:
                return Value.of(text(rs));
            case CORELNK:
                return Value.corelnk(text(rs));
            case OBJLNK:
                return Value.of(ObjectLink.parse(text(rs)));
            case OPAQUE:
                byte[] bytes = rs.getBytes("bytes_value");
                if (bytes == null) {
                    throw new IllegalArgumentException("bytes_value is empty for an Opaque value");
                }
                return Value.of(bytes);
            default:
                throw new IllegalArgumentException("value_type " + type + " has no value");
        }
    }

    private static long longValue(ResultSet rs) throws SQLException {
        long v = rs.getLong("long_value");
        if (rs.wasNull()) {
            throw new IllegalArgumentException("long_value is empty for a " + rs.getString("value_type") + " value");
        }
        return v;
    }

    private static String text(ResultSet rs) throws SQLException {
        String v = rs.getString("text_value");
        if (v == null) {
            throw new IllegalArgumentException("text_value is empty for a " + rs.getString("value_type") + " value");
        }
        return v;
    }
}
