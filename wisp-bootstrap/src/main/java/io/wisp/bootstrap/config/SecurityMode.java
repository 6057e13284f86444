package io.wisp.bootstrap.config;

/**
 * The Security Mode resource {@code /0/x/2} (Core TS Appendix E.1): how the client secures its connection to the
 * server of that account. Certificate mode with EST (4) needs an EST server and is not offered.
 */
public enum SecurityMode {
    /** Pre-shared key (DTLS-PSK, Transport TS §5.2.8). */
    PSK(0),
    /** Raw public key (DTLS with RFC 7250 keys). */
    RPK(1),
    /** X.509 certificates. */
    X509(2),
    /** No security: plain CoAP. */
    NO_SEC(3);

    private final int code;

    SecurityMode(int code) {
        this.code = code;
    }

    /** The value written to {@code /0/x/2}. */
    public int code() {
        return code;
    }
}
