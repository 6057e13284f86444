package io.wisp.core.model.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The unit symbols a DDF {@code <Units>} element may hold: the SenML units registry (case-sensitive symbols), plus
 * the literal {@code TBD} and empty, which the OMA LwM2M Editor also accepts.
 */
public final class SenmlUnits {
    /** RFC 8428 §12.1: the registry's initial primary units (some marked "not recommended" there, still valid). */
    private static final List<String> RFC8428 = List.of(
            "m", "kg", "g", "s", "A", "K", "cd", "mol", "Hz", "rad", "sr", "N", "Pa", "J", "W", "C", "V", "F",
            "Ohm", "S", "Wb", "T", "H", "Cel", "lm", "lx", "Bq", "Gy", "Sv", "kat", "m2", "m3", "l", "m/s", "m/s2",
            "m3/s", "l/s", "W/m2", "cd/m2", "bit", "bit/s", "lat", "lon", "pH", "dB", "dBW", "Bspl", "count", "/",
            "%", "%RH", "%EL", "EL", "1/s", "1/min", "beat/min", "beats", "S/m");

    /** RFC 8798 §2: primary units added for energy, data sizes and angles. */
    private static final List<String> RFC8798_PRIMARY = List.of(
            "B", "VA", "VAs", "var", "vars", "J/m", "kg/m3", "deg");

    /** RFC 8798 §3: secondary units (scaled forms of primary units). */
    private static final List<String> RFC8798_SECONDARY = List.of(
            "ms", "min", "h", "MHz", "kW", "kVA", "kvar", "Ah", "Wh", "kWh", "varh", "kvarh", "kVAh", "Wh/km",
            "KiB", "GB", "Mbit/s", "B/s", "MB/s", "mV", "mA", "dBm", "ug/m3", "mm/h", "m/h", "ppm", "/100", "/1000",
            "hPa", "mm", "cm", "km", "km/h");

    /** Later IANA registrations by expert review: turbidity, and further secondary units. */
    private static final List<String> IANA_LATER = List.of(
            "NTU", "ppb", "ppt", "VAh", "mg/l", "ug/l", "g/l");

    /** The OMNA registry's own addition (watt-second). */
    private static final List<String> OMNA = List.of("Ws");

    private static final Set<String> ALL = all();

    private SenmlUnits() {
    }

    private static Set<String> all() {
        Set<String> s = new HashSet<>();
        s.addAll(RFC8428);
        s.addAll(RFC8798_PRIMARY);
        s.addAll(RFC8798_SECONDARY);
        s.addAll(IANA_LATER);
        s.addAll(OMNA);
        return Set.copyOf(s);
    }

    /** Every SenML symbol known, without TBD and empty. */
    public static Set<String> symbols() {
        return ALL;
    }

    /** Whether a {@code <Units>} value is acceptable: a SenML symbol, TBD, or empty (blanks around are ignored). */
    public static boolean isAcceptable(String units) {
        String u = units == null ? "" : units.strip();
        return u.isEmpty() || u.equals("TBD") || ALL.contains(u);
    }

    /** The symbol that differs only in letter case, e.g. Cel for "cel". */
    static Optional<String> nearest(String units) {
        String u = units.strip();
        return ALL.stream().filter(s -> s.equalsIgnoreCase(u)).sorted().findFirst();
    }
}
