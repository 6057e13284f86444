package io.wisp.transport.californium;

import io.wisp.transport.HandshakeFailures;
import io.wisp.transport.HandshakeFailures.Reason;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.californium.scandium.AlertHandler;
import org.eclipse.californium.scandium.dtls.AlertMessage;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertDescription;
import org.eclipse.californium.scandium.dtls.Connection;
import org.eclipse.californium.scandium.dtls.DtlsHandshakeTimeoutException;
import org.eclipse.californium.scandium.dtls.HandshakeException;
import org.eclipse.californium.scandium.dtls.Handshaker;
import org.eclipse.californium.scandium.dtls.SessionAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs the failed handshakes of one DTLS connector, once each, with the reason and the peer's address.
 * Refusals by our own checks carry their reason ({@link RefusedHandshake}); the others are classified by the TLS
 * alert Scandium raised or received. Credential problems are logged at INFO (an operator wants to see a device with
 * a wrong key), timeouts and the rest at DEBUG. No message carries key material: PSK identities, key fingerprints
 * and certificate subjects are public.
 *
 * <p>A wrong PSK key shows only as a record whose MAC does not verify: the client's first encrypted message, its
 * Finished. Scandium drops such records silently and would leave the handshake pending until it is evicted; told of
 * the MAC error (through the connector's {@link SessionDirectory}), this monitor ends a first handshake (one without
 * an established session) at once instead, as {@link Reason#BAD_KEY}, which also frees its state. An unknown PSK
 * identity is dropped silently by Scandium too, on purpose (a quick refusal would tell a prober which identities
 * exist); it reaches this monitor once per connection as an internal alert ({@link AlertHandler}) and is counted
 * there. In both cases the client gets no alert and times out, so that it cannot tell the two apart.
 */
final class HandshakeMonitor extends SessionAdapter implements AlertHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HandshakeMonitor.class);

    private final String connector;
    private final Map<Reason, LongAdder> counters = new EnumMap<>(Reason.class);

    HandshakeMonitor(String connector) {
        this.connector = connector;
        for (Reason reason : Reason.values()) {
            counters.put(reason, new LongAdder());
        }
    }

    @Override
    public void handshakeFailed(Handshaker handshaker, Throwable error) {
        AlertMessage rootCause = handshaker.getConnection().getRootCauseAlert();
        if (rootCause != null && rootCause.getDescription() == AlertDescription.UNKNOWN_PSK_IDENTITY) {
            return; // counted by onAlert when it happened
        }
        failed(handshaker.getPeerAddress(), error);
    }

    /** Scandium reports each connection's first alert here; only the silently dropped identity is new to us. */
    @Override
    public void onAlert(InetSocketAddress peer, AlertMessage alert) {
        if (alert.getDescription() == AlertDescription.UNKNOWN_PSK_IDENTITY) {
            failed(peer, new HandshakeException("no key for the client's PSK identity", alert));
        }
    }

    /** A record of {@code connection} failed its MAC check; ends a first handshake as {@link Reason#BAD_KEY}. */
    boolean onMacError(Connection connection) {
        Handshaker handshaker = connection.getOngoingHandshake();
        if (handshaker != null && !connection.hasEstablishedDtlsContext()) {
            RefusedHandshake cause = new RefusedHandshake(Reason.BAD_KEY, AlertDescription.BAD_RECORD_MAC,
                    "the peer's encrypted handshake message does not verify (wrong PSK key?)");
            handshaker.setFailureCause(cause);
            handshaker.handshakeFailed(cause);
        }
        return false;
    }

    private void failed(InetSocketAddress peer, Throwable error) {
        Reason reason = classify(error);
        counters.get(reason).increment();
        String detail = error == null ? "" : error.getMessage();
        if (isCredentialProblem(reason)) {
            LOG.info("DTLS handshake with {} on '{}' failed: {} ({})", peer, connector, reason, detail);
        } else {
            LOG.debug("DTLS handshake with {} on '{}' failed: {} ({})", peer, connector, reason, detail);
        }
    }

    HandshakeFailures snapshot() {
        Map<Reason, Long> counts = new EnumMap<>(Reason.class);
        counters.forEach((reason, adder) -> counts.put(reason, adder.sum()));
        return new HandshakeFailures(counts);
    }

    /** Whether a message could not be sent because its DTLS handshake failed (refused, alerted or timed out). */
    static boolean isHandshakeFailure(Throwable error) {
        return error instanceof HandshakeException || error instanceof DtlsHandshakeTimeoutException;
    }

    static Reason classify(Throwable error) {
        if (error instanceof RefusedHandshake refused) {
            return refused.reason();
        }
        if (error instanceof DtlsHandshakeTimeoutException) {
            return Reason.TIMEOUT;
        }
        if (!(error instanceof HandshakeException handshake) || handshake.getAlert() == null) {
            return Reason.OTHER;
        }
        // Scandium reports an alert the peer sent as "Received 'fatal alert/...'".
        String message = handshake.getMessage();
        if (message != null && message.startsWith("Received")) {
            return Reason.PEER_ALERT;
        }
        return byAlert(handshake.getAlert().getDescription());
    }

    private static Reason byAlert(AlertDescription alert) {
        switch (alert) {
            case UNKNOWN_PSK_IDENTITY:
                return Reason.UNKNOWN_PSK_IDENTITY;
            case CERTIFICATE_EXPIRED:
                return Reason.EXPIRED_CERTIFICATE;
            case BAD_CERTIFICATE:
            case UNKNOWN_CA:
            case CERTIFICATE_UNKNOWN:
            case CERTIFICATE_REVOKED:
            case ACCESS_DENIED:
                return Reason.UNTRUSTED_CERTIFICATE;
            case BAD_RECORD_MAC:
            case DECRYPT_ERROR:
                return Reason.BAD_KEY;
            case HANDSHAKE_FAILURE:
            case UNSUPPORTED_CERTIFICATE:
            case INSUFFICIENT_SECURITY:
            case PROTOCOL_VERSION:
                return Reason.NO_COMMON_PARAMETERS;
            default:
                return Reason.OTHER;
        }
    }

    private static boolean isCredentialProblem(Reason reason) {
        switch (reason) {
            case UNKNOWN_PSK_IDENTITY:
            case BAD_KEY:
            case UNTRUSTED_PUBLIC_KEY:
            case UNTRUSTED_CERTIFICATE:
            case EXPIRED_CERTIFICATE:
                return true;
            default:
                return false;
        }
    }
}
