package io.wisp.client.object.firmware;

import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.DownlinkException;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.Peer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fetches {@code coap://} Package URIs (Core TS Appendix E.6, pull delivery) with a GET sent from a connector of a
 * wisp-transport {@link CoapTransport}; the transport reassembles the block-wise response (RFC 7959), so its
 * {@link io.wisp.transport.TransportConfig#maxBodySize()} must admit the largest package (the default, 512 KiB, does
 * not admit a 1 MB one). No thread waits for the answer.
 *
 * <p>Failures become Update Results: a malformed URI, one without a host, an unknown host or a 4.xx answer (4.04:
 * nothing at that URI) give 7 Invalid URI; a scheme other than {@code coap} gives 9 Unsupported Protocol
 * ({@code coaps} waits for DTLS); a body larger than the transport's {@code maxBodySize} gives 3 Out of RAM (the
 * reassembly buffer is the device's RAM); no answer within the timeout, a reset, a send failure or a 5.xx answer
 * give 4 Connection Lost. The host name is resolved on the thread that calls {@link #fetch}.
 */
public final class CoapPackageFetcher implements PackageFetcher {
    /** How long a whole download may take unless told otherwise: 10 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final CoapTransport transport;
    private final String connector;
    private final Duration timeout;

    /**
     * @param transport a started transport
     * @param connector the name of its connector to send from
     * @param timeout how long the whole download (every block) may take
     */
    public CoapPackageFetcher(CoapTransport transport, String connector, Duration timeout) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (!transport.connectors().contains(connector)) {
            throw new IllegalArgumentException("connector '" + connector + "' is not one of the transport's "
                    + transport.connectors());
        }
    }

    @Override
    public Set<UpdateProtocol> protocols() {
        return Set.of(UpdateProtocol.COAP);
    }

    @Override
    public CompletableFuture<byte[]> fetch(String uri) {
        CoapUri target;
        InetAddress address;
        try {
            target = CoapUri.parse(uri);
            address = InetAddress.getByName(target.host());
        } catch (FetchException e) {
            return CompletableFuture.failedFuture(e);
        } catch (UnknownHostException e) {
            return CompletableFuture.failedFuture(new FetchException(UpdateResult.INVALID_URI,
                    "unknown host in Package URI " + uri, e));
        }
        Peer peer = Peer.unsecured(connector, new InetSocketAddress(address, target.port()));
        DownlinkRequest get = DownlinkRequest.of(CoapMethod.GET, target.path()).withQuery(target.query());
        CompletableFuture<DownlinkResponse> exchange = transport.downlinks().send(peer, get, timeout);
        CompletableFuture<byte[]> result = exchange.handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(lost(uri, failure));
            }
            return body(uri, response);
        });
        result.whenComplete((bytes, failure) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    private static byte[] body(String uri, DownlinkResponse response) {
        CoapCode code = response.code();
        if (code == CoapCode.CONTENT) {
            return response.payload();
        }
        if (code.codeClass() == 4) {
            throw new FetchException(UpdateResult.INVALID_URI, "GET " + uri + " was answered " + code);
        }
        throw new FetchException(UpdateResult.CONNECTION_LOST, "GET " + uri + " was answered " + code);
    }

    private static FetchException lost(String uri, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String why = cause instanceof DownlinkException de ? de.reason() + ": " + de.getMessage() : cause.toString();
        UpdateResult result = bufferExceeded(cause) ? UpdateResult.OUT_OF_RAM : UpdateResult.CONNECTION_LOST;
        return new FetchException(result, "download of " + uri + " failed, " + why, cause);
    }

    /**
     * Whether the transport gave up reassembling the body because it outgrew {@code maxBodySize}. The transport
     * reports that as {@code SEND_FAILED} with the CoAP stack's reason in the cause chain, which is recognised by
     * its text (Californium 3: "... exceeds max buffer size ...").
     */
    private static boolean bufferExceeded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("exceeds max buffer size")) {
                return true;
            }
        }
        return false;
    }
}
