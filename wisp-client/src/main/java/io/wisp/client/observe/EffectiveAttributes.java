package io.wisp.client.observe;

import io.wisp.core.attributes.NotificationAttribute;
import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The notification attributes that govern one observation, after inheritance, overrides and defaults. Immutable.
 *
 * <p>Resolution ({@link #resolve}), Core TS 1.2 §7.3.2 (§5.1.1–5.1.2 in 1.1) and §6.4.1–6.4.2:
 * <ol>
 *   <li>Attributes attached by the observing server at the object, object instance, resource and resource instance
 *       levels, down to the observed level only, are merged with the lower level winning, attribute by attribute
 *       (precedence rules 1–5). Attributes attached below the observed level are ignored (§6.4.2, 1.2.1).</li>
 *   <li>Attributes given in the Observe or Observe-Composite request itself (LwM2M 1.2, §6.4.1) override the merged
 *       ones for this observation only, again attribute by attribute.</li>
 *   <li>A pmin still absent is the server's Default Minimum Period {@code /1/x/2} (0 without it); a pmax still absent
 *       is its Default Maximum Period {@code /1/x/3} (none without it); a con still absent is its Default
 *       Notification Mode {@code /1/x/26} (NON without it).</li>
 *   <li>pmax is ignored when it is 0 or smaller than pmin ("pmax MUST be greater than or equal to pmin, otherwise
 *       it is ignored", Table 7.3.2-1). epmin is ignored when it exceeds epmax.</li>
 *   <li>gt, lt and st are dropped together when the merged values break {@code lt < gt} or
 *       {@code lt + 2·st < gt}: the TS calls only such conditions "valid", and values attached at different levels
 *       can break the rule although each Write-Attributes kept it. Without them any change notifies.</li>
 * </ol>
 * Periods are whole seconds, as the attributes carry them.
 */
public final class EffectiveAttributes {
    private static final byte NO_EDGE = -1;

    private final long pmin;
    private final long pmax;
    private final long epmin;
    private final long epmax;
    private final BigDecimal gt;
    private final BigDecimal lt;
    private final BigDecimal st;
    private final byte edge;
    private final boolean con;
    private final long hqmax;

    private EffectiveAttributes(long pmin, long pmax, long epmin, long epmax, BigDecimal gt, BigDecimal lt,
                                BigDecimal st, byte edge, boolean con, long hqmax) {
        this.pmin = pmin;
        this.pmax = pmax != 0 && pmax >= pmin ? pmax : 0;
        this.epmax = epmax;
        this.epmin = epmax != 0 && epmin > epmax ? 0 : epmin;
        boolean valid = lt == null || gt == null
                || lt.compareTo(gt) < 0 && (st == null || lt.add(st.add(st)).compareTo(gt) < 0);
        this.gt = valid ? gt : null;
        this.lt = valid ? lt : null;
        this.st = valid ? st : null;
        this.edge = edge;
        this.con = con;
        this.hqmax = hqmax;
    }

    /**
     * The attributes for an observation of {@code path} by server {@code shortServerId}: attached ones from
     * {@code source} down to {@code path}, then {@code request} (the Observe's own, possibly empty), then the
     * defaults of {@code settings}.
     */
    public static EffectiveAttributes resolve(AttributeSource source, ServerSettings settings, int shortServerId,
                                              LwM2mPath path, NotificationAttributes request) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(request, "request");
        if (path.isRoot()) {
            throw new IllegalArgumentException("path: nothing observes the root path");
        }
        Map<NotificationAttribute, BigDecimal> merged = new EnumMap<>(NotificationAttribute.class);
        for (int depth = 1; depth <= path.depth(); depth++) {
            LwM2mPath level = prefix(path, depth);
            merged.putAll(Objects.requireNonNull(source.attached(shortServerId, level),
                    "attributes attached at " + level).asMap());
        }
        merged.putAll(request.asMap());
        return fromMap(merged, settings);
    }

    /** The attributes as if all of {@code attributes} were attached at the observed node, with these defaults. */
    public static EffectiveAttributes of(NotificationAttributes attributes, ServerSettings settings) {
        return fromMap(attributes.asMap(), settings);
    }

    /**
     * The timing of an Observe-Composite whose paths resolved to {@code parts}: one notification carries every
     * path, so it waits for the largest pmin and epmin, comes at least as often as the smallest pmax and epmax, is
     * confirmable when any part has con=1 (Table 7.3.2-1, "Confirmable Notification"), and keeps up to the largest
     * hqmax. The change conditions stay with each part.
     */
    public static EffectiveAttributes combine(List<EffectiveAttributes> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts: a composite observation has at least one path");
        }
        long pmin = 0;
        long pmax = 0;
        long epmin = 0;
        long epmax = 0;
        long hqmax = -1;
        boolean con = false;
        for (EffectiveAttributes p : parts) {
            pmin = Math.max(pmin, p.pmin);
            pmax = smallestSet(pmax, p.pmax);
            epmin = Math.max(epmin, p.epmin);
            epmax = smallestSet(epmax, p.epmax);
            hqmax = Math.max(hqmax, p.hqmax);
            con |= p.con;
        }
        return new EffectiveAttributes(pmin, pmax, epmin, epmax, null, null, null, NO_EDGE, con, hqmax);
    }

    private static EffectiveAttributes fromMap(Map<NotificationAttribute, BigDecimal> v, ServerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        long pmin = whole(v, NotificationAttribute.PMIN, settings.defaultMinPeriod());
        long pmax = whole(v, NotificationAttribute.PMAX, settings.defaultMaxPeriod());
        BigDecimal edge = v.get(NotificationAttribute.EDGE);
        BigDecimal con = v.get(NotificationAttribute.CON);
        return new EffectiveAttributes(pmin, pmax, whole(v, NotificationAttribute.EPMIN, 0),
                whole(v, NotificationAttribute.EPMAX, 0), v.get(NotificationAttribute.GT),
                v.get(NotificationAttribute.LT), v.get(NotificationAttribute.ST),
                edge == null ? NO_EDGE : (byte) edge.signum(),
                con == null ? settings.confirmable() : con.signum() != 0,
                whole(v, NotificationAttribute.HQMAX, -1));
    }

    private static long whole(Map<NotificationAttribute, BigDecimal> values, NotificationAttribute a, long absent) {
        BigDecimal v = values.get(a);
        return v == null ? absent : v.longValueExact();
    }

    private static long smallestSet(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    private static LwM2mPath prefix(LwM2mPath path, int depth) {
        LwM2mPath p = path;
        while (p.depth() > depth) {
            p = p.parent();
        }
        return p;
    }

    /** Minimum Period in seconds: no notification sooner than this after the previous one. */
    public long pmin() {
        return pmin;
    }

    /** Maximum Period in seconds, 0 when none applies (absent, 0, or below pmin). */
    public long pmax() {
        return pmax;
    }

    /** Minimum Evaluation Period in seconds, 0 when none. */
    public long epmin() {
        return epmin;
    }

    /** Maximum Evaluation Period in seconds, 0 when none. */
    public long epmax() {
        return epmax;
    }

    /** Greater Than threshold, or null. */
    public BigDecimal gt() {
        return gt;
    }

    /** Less Than threshold, or null. */
    public BigDecimal lt() {
        return lt;
    }

    /** Step, or null. */
    public BigDecimal st() {
        return st;
    }

    /** Whether an edge attribute applies. */
    public boolean hasEdge() {
        return edge != NO_EDGE;
    }

    /** edge=1 (rising, false to true) when true, edge=0 (falling) when false; meaningless without {@link #hasEdge}. */
    public boolean risingEdge() {
        return edge == 1;
    }

    /** Whether notifications are sent confirmable (CON). */
    public boolean confirmable() {
        return con;
    }

    /** Maximum Historical Queue: how many notifications to keep while offline; -1 when absent. */
    public long hqmax() {
        return hqmax;
    }

    /** Whether any of gt, lt, st or edge applies, so that only some changes notify. */
    public boolean hasChangeConditions() {
        return gt != null || lt != null || st != null || edge != NO_EDGE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EffectiveAttributes e && pmin == e.pmin && pmax == e.pmax && epmin == e.epmin
                && epmax == e.epmax && Objects.equals(gt, e.gt) && Objects.equals(lt, e.lt)
                && Objects.equals(st, e.st) && edge == e.edge && con == e.con && hqmax == e.hqmax;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pmin, pmax, epmin, epmax, gt, lt, st, edge, con, hqmax);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("pmin=").append(pmin);
        if (pmax != 0) {
            sb.append("&pmax=").append(pmax);
        }
        append(sb, "gt", gt);
        append(sb, "lt", lt);
        append(sb, "st", st);
        if (epmin != 0) {
            sb.append("&epmin=").append(epmin);
        }
        if (epmax != 0) {
            sb.append("&epmax=").append(epmax);
        }
        if (edge != NO_EDGE) {
            sb.append("&edge=").append(edge);
        }
        sb.append("&con=").append(con ? 1 : 0);
        if (hqmax >= 0) {
            sb.append("&hqmax=").append(hqmax);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, BigDecimal value) {
        if (value != null) {
            sb.append('&').append(name).append('=').append(value.toPlainString());
        }
    }
}
