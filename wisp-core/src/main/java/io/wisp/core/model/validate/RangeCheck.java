package io.wisp.core.model.validate;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.range.RangeConstraint;
import io.wisp.core.node.DataType;
import java.util.Optional;

/**
 * Range or enumeration text must follow the grammar of {@link RangeConstraint} and fit the type. Both are warnings:
 * the schema leaves the text free, and a range Wisp cannot read only means writes go unchecked.
 */
final class RangeCheck implements ObjectCheck {

    @Override
    public void check(RawObject o, Findings out) {
        for (RawResource r : o.resources()) {
            Field range = r.field("RangeEnumeration");
            Optional<DataType> type = r.isExecutable() ? Optional.of(DataType.NONE) : r.lenientType()
                    .filter(t -> t != DataType.NONE);
            if (!range.isBlank() && type.isPresent()) {
                check(range.text(), type.get(), range.line(), r.label(), out);
            }
            for (ArgumentModel a : r.arguments()) {
                if (a.type() != DataType.NONE) {
                    check(a.rangeEnumeration(), a.type(), r.line(), r.label() + ", argument " + a.order()
                            + " (" + a.name() + ")", out);
                }
            }
        }
    }

    static void check(String text, DataType type, int line, String where, Findings out) {
        if (RangeConstraint.parse(text, type) instanceof RangeConstraint.Unparseable u) {
            Rule rule = u.cause() == RangeConstraint.Cause.SYNTAX ? Rule.RANGE_SYNTAX : Rule.RANGE_TYPE;
            out.add(rule, line, text.strip(), where + ": " + u.reason());
        }
    }
}
