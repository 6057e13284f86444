package io.wisp.app.persistence;

import java.util.Objects;

/** An endpoint's credentials without their key: what listings and logs may show. */
public record CredentialSummary(String endpoint, StoredCredential.Mode mode, String identity) {
    public CredentialSummary {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(identity, "identity");
    }
}
