package io.wisp.core.attributes;

import io.wisp.core.SyntaxException;
import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The attributes part of a Write-Attributes request (LwM2M Core TS 1.2 §6.3.4), e.g. {@code pmin=10&pmax=60&gt=45.5}
 * or {@code pmin&st=2}: which attributes to set and which to remove, each named once, in the order given.
 * Attributes not named keep their value (see {@link NotificationAttributes#with(AttributeUpdate)}).
 *
 * <p>Only the ten &lt;NOTIFICATION&gt; attributes can be written. A name Wisp does not know, or a read-only
 * &lt;PROPERTIES&gt; attribute such as {@code dim}, is an error rather than something kept aside: a server that
 * silently ignored part of a request would report success for a setting that never took effect. The values set
 * within one update must keep the rules of {@link NotificationAttributes} among themselves.
 */
public final class AttributeUpdate {
    public static final AttributeUpdate EMPTY = new AttributeUpdate(List.of());

    private final List<AttributeChange> changes;

    private AttributeUpdate(List<AttributeChange> changes) {
        this.changes = changes;
    }

    /**
     * An update from its parts; throws {@link InvalidAttributesException} when an attribute is named twice or the
     * values set break a rule.
     */
    public static AttributeUpdate of(List<AttributeChange> changes) {
        List<AttributeChange> copy = List.copyOf(changes);
        Set<NotificationAttribute> named = EnumSet.noneOf(NotificationAttribute.class);
        for (AttributeChange c : copy) {
            if (!named.add(c.attribute())) {
                throw new InvalidAttributesException("'" + c.attribute().param() + "' appears more than once");
            }
        }
        AttributeRules.require(setValues(copy));
        return copy.isEmpty() ? EMPTY : new AttributeUpdate(copy);
    }

    public static AttributeUpdate of(AttributeChange... changes) {
        return of(List.of(changes));
    }

    /**
     * Reads the query form; the empty string is the empty update. Throws {@link SyntaxException} naming the position
     * of the first bad part (for a broken rule, the last part involved).
     */
    public static AttributeUpdate parse(String query) {
        List<AttributeQueryParser.Part> parts = AttributeQueryParser.parse(query, true);
        List<AttributeChange> changes = parts.stream().map(AttributeQueryParser.Part::change).toList();
        AttributeQueryParser.requireRules(query, parts, setValues(changes));
        return changes.isEmpty() ? EMPTY : new AttributeUpdate(changes);
    }

    /** Reads CoAP Uri-Query option values, one attribute each; error positions count in the '&'-joined text. */
    public static AttributeUpdate parse(List<String> queryParts) {
        return parse(AttributeQueryParser.join(queryParts));
    }

    public List<AttributeChange> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Throws {@link InvalidAttributesException} when an attribute in this update cannot be attached at {@code path}
     * (for example gt on an object instance, or anything on the root).
     */
    public void requireAttachableTo(LwM2mPath path) {
        for (AttributeChange c : changes) {
            c.attribute().attachmentProblem(path).ifPresent(problem -> {
                throw new InvalidAttributesException(problem);
            });
        }
    }

    /** One CoAP Uri-Query option value per attribute, e.g. {@code ["pmin=10", "gt"]}. */
    public List<String> queryParts() {
        return changes.stream().map(AttributeChange::toString).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeUpdate other && changes.equals(other.changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    /** The canonical query, e.g. {@code pmin=10&gt=45.5&st}; empty for the empty update. */
    @Override
    public String toString() {
        return changes.stream().map(AttributeChange::toString).collect(Collectors.joining("&"));
    }

    private static Map<NotificationAttribute, BigDecimal> setValues(List<AttributeChange> changes) {
        Map<NotificationAttribute, BigDecimal> values = new EnumMap<>(NotificationAttribute.class);
        changes.forEach(c -> c.value().ifPresent(v -> values.put(c.attribute(), v)));
        return values;
    }
}
