package io.wisp.bootstrap.config;

/**
 * The Certificate Usage resource {@code /0/x/15} of an X.509 account (Core TS 1.1 Appendix E.1, values of RFC 6698
 * §2.1.1): how the client matches the server's certificate against the Server Public Key {@code /0/x/4}. A client
 * that finds the resource absent uses {@link #DOMAIN_ISSUED_CERTIFICATE}.
 */
public enum CertificateUsage {
    /** 0: the server's chain must be valid under the client's trust store and pass through the given CA. */
    CA_CONSTRAINT(0),
    /** 1: the server's certificate must be the given one and be valid under the client's trust store. */
    SERVICE_CERTIFICATE_CONSTRAINT(1),
    /** 2: the given certificate is the trust anchor the server's chain must lead to. */
    TRUST_ANCHOR_ASSERTION(2),
    /** 3: the server's certificate must be the given one; no chain validation. */
    DOMAIN_ISSUED_CERTIFICATE(3);

    private final int code;

    CertificateUsage(int code) {
        this.code = code;
    }

    /** The value written to {@code /0/x/15}. */
    public int code() {
        return code;
    }

    /** The usage of a {@code /0/x/15} value; anything outside 0..3 is refused naming {@code field}. */
    public static CertificateUsage ofCode(String field, long code) {
        for (CertificateUsage u : values()) {
            if (u.code == code) {
                return u;
            }
        }
        throw new InvalidConfigException(field, "a certificate usage is 0..3 (0 CA constraint, 1 service certificate "
                + "constraint, 2 trust anchor assertion, 3 domain-issued certificate), got " + code);
    }
}
