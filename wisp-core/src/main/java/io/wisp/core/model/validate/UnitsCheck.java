package io.wisp.core.model.validate;

import io.wisp.core.model.ArgumentModel;

/**
 * Units are SenML unit symbols (Core TS object template; RFC 8428, RFC 8798), TBD or empty; see
 * {@link SenmlUnits}.
 */
final class UnitsCheck implements ObjectCheck {

    @Override
    public void check(RawObject o, Findings out) {
        for (RawResource r : o.resources()) {
            Field units = r.field("Units");
            check(units.stripped(), units.line(), r.label(), out);
            for (ArgumentModel a : r.arguments()) {
                check(a.units(), r.line(), r.label() + ", argument " + a.order() + " (" + a.name() + ")", out);
            }
        }
    }

    static void check(String units, int line, String where, Findings out) {
        if (SenmlUnits.isAcceptable(units)) {
            return;
        }
        String u = units.strip();
        out.add(Rule.UNITS_UNKNOWN, line, u, where + ": '" + u + "' is not a SenML unit symbol",
                SenmlUnits.nearest(u).map(s -> "write '" + s + "' (unit symbols are case-sensitive)")
                        .orElse(Rule.UNITS_UNKNOWN.fix()));
    }
}
