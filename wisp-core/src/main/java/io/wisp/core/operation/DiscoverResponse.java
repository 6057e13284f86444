package io.wisp.core.operation;

import io.wisp.core.link.DiscoverLink;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link DiscoverRequest} (Core TS §6.3.2): on 2.05 the links the client listed, each read the LwM2M
 * way (path, {@code dim}, attributes), with any alternate path of the client already taken off.
 *
 * @param status code, error message, raw payload
 * @param links  the links in the client's order; empty on an error
 */
public record DiscoverResponse(ResponseStatus status, List<DiscoverLink> links) implements LwM2mResponse {
    public DiscoverResponse {
        Objects.requireNonNull(status, "status");
        links = List.copyOf(links);
    }

    /** The link for a path, if listed. */
    public Optional<DiscoverLink> link(LwM2mPath path) {
        return links.stream().filter(l -> l.path().equals(path)).findFirst();
    }

    /** The paths listed, in order. */
    public List<LwM2mPath> paths() {
        return links.stream().map(DiscoverLink::path).toList();
    }
}
