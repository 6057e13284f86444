package io.wisp.core.attributes;

import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The notification attributes attached to one node (LwM2M Core TS 1.2 §7.3.2): an immutable set that always keeps
 * the rules {@code lt < gt}, {@code lt + 2·st < gt} and {@code epmin ≤ epmax} (§7.3). Server and client both hold
 * one per path and apply Write-Attributes (§6.3.4) to it with {@link #with(AttributeUpdate)}.
 *
 * <p>Printed in the query form with attributes in the TS table order: {@code pmin=10&pmax=60&gt=45.5&st=10}.
 */
public final class NotificationAttributes {
    public static final NotificationAttributes EMPTY =
            new NotificationAttributes(new EnumMap<>(NotificationAttribute.class));

    private final Map<NotificationAttribute, BigDecimal> values;

    private NotificationAttributes(EnumMap<NotificationAttribute, BigDecimal> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A set from values; each is checked against its attribute, then the rules across them. */
    public static NotificationAttributes of(Map<NotificationAttribute, BigDecimal> values) {
        EnumMap<NotificationAttribute, BigDecimal> checked = new EnumMap<>(NotificationAttribute.class);
        values.forEach((a, v) -> checked.put(a, a.checkValue(v)));
        AttributeRules.require(checked);
        return checked.isEmpty() ? EMPTY : new NotificationAttributes(checked);
    }

    /**
     * Reads the query form, e.g. {@code pmin=10&pmax=60}. A bare name is refused here (it only means "remove" in an
     * update). Throws {@link io.wisp.core.SyntaxException} naming the position of the problem.
     */
    public static NotificationAttributes parse(String query) {
        List<AttributeQueryParser.Part> parts = AttributeQueryParser.parse(query, false);
        EnumMap<NotificationAttribute, BigDecimal> values = new EnumMap<>(NotificationAttribute.class);
        parts.forEach(p -> values.put(p.change().attribute(), p.change().value().orElseThrow()));
        AttributeQueryParser.requireRules(query, parts, values);
        return values.isEmpty() ? EMPTY : new NotificationAttributes(values);
    }

    /** Reads CoAP Uri-Query option values; error positions count in the '&'-joined text. */
    public static NotificationAttributes parse(List<String> queryParts) {
        return parse(AttributeQueryParser.join(queryParts));
    }

    /**
     * Write-Attributes semantics (Core TS 1.2 §6.3.4): attributes the update sets take the new value, those it names
     * bare are removed, all others are kept. Throws {@link InvalidAttributesException} when the result breaks a rule,
     * and then nothing changes.
     */
    public NotificationAttributes with(AttributeUpdate update) {
        EnumMap<NotificationAttribute, BigDecimal> merged = copy();
        for (AttributeChange c : update.changes()) {
            c.value().ifPresentOrElse(v -> merged.put(c.attribute(), v), () -> merged.remove(c.attribute()));
        }
        AttributeRules.require(merged);
        return merged.isEmpty() ? EMPTY : new NotificationAttributes(merged);
    }

    /** Throws {@link InvalidAttributesException} when an attribute here cannot be attached at {@code path}. */
    public void requireAttachableTo(LwM2mPath path) {
        for (NotificationAttribute a : values.keySet()) {
            a.attachmentProblem(path).ifPresent(problem -> {
                throw new InvalidAttributesException(problem);
            });
        }
    }

    public Optional<BigDecimal> get(NotificationAttribute attribute) {
        return Optional.ofNullable(values.get(attribute));
    }

    /** The values by attribute, in TS table order. */
    public Map<NotificationAttribute, BigDecimal> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public OptionalLong pmin() {
        return whole(NotificationAttribute.PMIN);
    }

    public OptionalLong pmax() {
        return whole(NotificationAttribute.PMAX);
    }

    /**
     * The maximum period a client honours: pmax, unless it is absent, 0 ("pmax MUST be ignored", Core TS 1.1+) or
     * below pmin (the TS then ignores pmax for the resource). Wisp keeps {@code pmax == pmin}, which asks for a
     * notification exactly every pmax seconds: the 1.0 wording allowed it, real clients honour it, and the stricter
     * "greater than" of 1.1 was questioned (OMA_LwM2M_for_Developers issue 495).
     */
    public OptionalLong effectivePmax() {
        OptionalLong pmax = pmax();
        if (pmax.isEmpty() || pmax.getAsLong() == 0 || pmax.getAsLong() < pmin().orElse(0)) {
            return OptionalLong.empty();
        }
        return pmax;
    }

    public Optional<BigDecimal> gt() {
        return get(NotificationAttribute.GT);
    }

    public Optional<BigDecimal> lt() {
        return get(NotificationAttribute.LT);
    }

    public Optional<BigDecimal> st() {
        return get(NotificationAttribute.ST);
    }

    public OptionalLong epmin() {
        return whole(NotificationAttribute.EPMIN);
    }

    public OptionalLong epmax() {
        return whole(NotificationAttribute.EPMAX);
    }

    /** edge=1 notifies on a rising edge (false to true), edge=0 on a falling one. */
    public Optional<Boolean> edge() {
        return flag(NotificationAttribute.EDGE);
    }

    /** con=1 asks for confirmable notifications, con=0 for non-confirmable ones. */
    public Optional<Boolean> con() {
        return flag(NotificationAttribute.CON);
    }

    public OptionalLong hqmax() {
        return whole(NotificationAttribute.HQMAX);
    }

    /** One CoAP Uri-Query option value per attribute, in TS table order. */
    public List<String> queryParts() {
        return values.entrySet().stream().map(e -> e.getKey().param() + "=" + e.getValue().toPlainString()).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotificationAttributes other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The canonical query form, e.g. {@code pmin=10&pmax=60&gt=45.5}; empty for no attributes. */
    @Override
    public String toString() {
        return String.join("&", queryParts());
    }

    private EnumMap<NotificationAttribute, BigDecimal> copy() {
        EnumMap<NotificationAttribute, BigDecimal> copy = new EnumMap<>(NotificationAttribute.class);
        copy.putAll(values);
        return copy;
    }

    private OptionalLong whole(NotificationAttribute a) {
        BigDecimal v = values.get(a);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v.longValueExact());
    }

    private Optional<Boolean> flag(NotificationAttribute a) {
        return get(a).map(v -> v.signum() != 0);
    }
}
