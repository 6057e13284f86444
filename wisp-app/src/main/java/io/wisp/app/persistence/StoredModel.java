package io.wisp.app.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * An uploaded object definition as stored: its object ID and version (the key: a later upload of both replaces it),
 * where it came from, its DDF XML, and when it was uploaded.
 */
public record StoredModel(int objectId, String objectVersion, String source, String ddf, Instant uploadedAt) {
    public StoredModel {
        if (objectId < 0 || objectId > 65534) {
            throw new IllegalArgumentException("objectId must be in 0..65534, got " + objectId);
        }
        Objects.requireNonNull(objectVersion, "objectVersion");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ddf, "ddf");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }
}
