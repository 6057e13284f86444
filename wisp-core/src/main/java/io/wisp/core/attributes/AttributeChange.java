package io.wisp.core.attributes;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a Write-Attributes query (LwM2M Core TS 1.2 §6.3.4): {@code pmin=10} sets the attribute,
 * the bare name {@code pmin} removes it. The value is checked against the attribute's kind.
 */
public record AttributeChange(NotificationAttribute attribute, Optional<BigDecimal> value) {

    public AttributeChange {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        value = value.map(attribute::checkValue);
    }

    public static AttributeChange set(NotificationAttribute attribute, BigDecimal value) {
        return new AttributeChange(attribute, Optional.of(Objects.requireNonNull(value, "value")));
    }

    public static AttributeChange set(NotificationAttribute attribute, long value) {
        return set(attribute, BigDecimal.valueOf(value));
    }

    public static AttributeChange unset(NotificationAttribute attribute) {
        return new AttributeChange(attribute, Optional.empty());
    }

    /** Whether this part removes the attribute. */
    public boolean isUnset() {
        return value.isEmpty();
    }

    /** The query part: {@code name=value} or the bare {@code name}. */
    @Override
    public String toString() {
        return value.map(v -> attribute.param() + "=" + v.toPlainString()).orElse(attribute.param());
    }
}
