package io.wisp.core.model.validate;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.node.DataType;
import java.util.HashSet;
import java.util.Set;

/**
 * Executable-argument definitions (the third table of the object template; the Core TS Execute argument list): only
 * on executable resources, one argument per digit, each with a type. Their units and ranges are judged by
 * {@link UnitsCheck} and {@link RangeCheck}. DDF files have no schema element for them, so only models carry them.
 */
final class ArgumentCheck implements ObjectCheck {

    @Override
    public void check(RawObject o, Findings out) {
        for (RawResource r : o.resources()) {
            if (r.arguments().isEmpty()) {
                continue;
            }
            if (!r.isExecutable()) {
                out.add(Rule.ARGUMENT_NOT_EXECUTABLE, r.line(), r.field("Operations").stripped(), r.label()
                        + " defines " + r.arguments().size() + " argument(s) but is not executable");
            }
            Set<Integer> digits = new HashSet<>();
            for (ArgumentModel a : r.arguments()) {
                if (!digits.add(a.order())) {
                    out.add(Rule.ARGUMENT_ORDER_DUPLICATE, r.line(), Integer.toString(a.order()), r.label()
                            + ": more than one argument uses digit " + a.order());
                }
                if (a.type() == DataType.NONE) {
                    out.add(Rule.ARGUMENT_TYPE_MISSING, r.line(), a.name(), r.label() + ": argument " + a.order()
                            + " (" + a.name() + ") has no type");
                }
            }
        }
    }
}
