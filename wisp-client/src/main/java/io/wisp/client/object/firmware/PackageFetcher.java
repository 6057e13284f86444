package io.wisp.client.object.firmware;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Downloads a firmware package from a Package URI {@code /5/0/1} (pull delivery, Core TS Appendix E.6). A fetch must
 * not hold a thread while it waits for the network: it returns at once and completes its future later.
 *
 * <p>{@link CoapPackageFetcher} fetches {@code coap://} URIs over a wisp-transport {@link io.wisp.transport.CoapTransport}.
 */
public interface PackageFetcher {

    /** The protocols this fetcher can download with; they fill Firmware Update Protocol Support {@code /5/0/8}. */
    Set<UpdateProtocol> protocols();

    /**
     * Starts downloading {@code uri} (any text the server wrote, not yet checked). The future completes with the
     * whole package, or exceptionally with a {@link FetchException} naming the Update Result; cancelling it (the
     * server reset the update) must stop the download.
     */
    CompletableFuture<byte[]> fetch(String uri);

    /** A fetcher for push-only devices: it supports no protocol and fails every URI with result 9. */
    static PackageFetcher none() {
        return new PackageFetcher() {
            @Override
            public Set<UpdateProtocol> protocols() {
                return Set.of();
            }

            @Override
            public CompletableFuture<byte[]> fetch(String uri) {
                return CompletableFuture.failedFuture(new FetchException(UpdateResult.UNSUPPORTED_PROTOCOL,
                        "this device downloads no firmware from a URI (push delivery only)"));
            }
        };
    }
}
