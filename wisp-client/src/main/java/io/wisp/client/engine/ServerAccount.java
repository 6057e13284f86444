package io.wisp.client.engine;

import io.wisp.transport.DtlsClientSecurity;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * One LwM2M Server the client registers with: what the Security (/0) and Server (/1) instances of that server say
 * (Core TS Appendix E.1, E.2) in the form the engine needs.
 *
 * @param shortServerId the Short Server ID (/1/x/0, 1..65534)
 * @param address the server's CoAP address
 * @param lifetime the registration lifetime (/1/x/1)
 * @param binding the binding letters sent as {@code b} (/1/x/7), e.g. {@code U}
 * @param queueMode whether the client uses queue mode with this server (Core TS §6.5; {@code Q} in 1.1+)
 * @param retry the registration retry policy (/1/x/17..20)
 * @param security the DTLS credentials of a {@code coaps://} server (Security Modes 0–2, /0/x/2..5), or
 *     {@code null} for NoSec over {@code coap://}; its {@code toString} hides the keys
 */
public record ServerAccount(int shortServerId, InetSocketAddress address, Duration lifetime, String binding,
        boolean queueMode, RetryPolicy retry, DtlsClientSecurity security) {
    public ServerAccount {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(retry, "retry");
        if (shortServerId < 1 || shortServerId > 65534) {
            throw new IllegalArgumentException("shortServerId must be in 1..65534, got " + shortServerId);
        }
        if (lifetime.getSeconds() < 1) {
            throw new IllegalArgumentException("lifetime must be at least 1 s, got " + lifetime);
        }
        if (binding.isEmpty() || !binding.chars().allMatch(c -> "UTSNQ".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("binding must be letters of UTSN, got '" + binding + "'");
        }
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("address must be resolved, got " + address);
        }
    }

    /** A UDP server account with the TS default retry policy and no queue mode. */
    public static ServerAccount udp(int shortServerId, InetSocketAddress address, Duration lifetime) {
        return new ServerAccount(shortServerId, address, lifetime, "U", false, RetryPolicy.DEFAULT, null);
    }

    /** Whether the client talks to this server over DTLS. */
    public boolean secure() {
        return security != null;
    }

    public ServerAccount withQueueMode(boolean value) {
        return new ServerAccount(shortServerId, address, lifetime, binding, value, retry, security);
    }

    public ServerAccount withRetry(RetryPolicy value) {
        return new ServerAccount(shortServerId, address, lifetime, binding, queueMode, value, security);
    }

    public ServerAccount withLifetime(Duration value) {
        return new ServerAccount(shortServerId, address, value, binding, queueMode, retry, security);
    }
}
