package io.wisp.core.attributes;

/**
 * Attribute values or a combination of them that the TS forbids (LwM2M Core TS 1.2 §7.3), or an attribute written at
 * a level it cannot be attached to. A server answers a Write-Attributes that causes it with 4.00 Bad Request.
 */
public final class InvalidAttributesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidAttributesException(String message) {
        super(message);
    }
}
