package io.wisp.core.operation;

import io.wisp.core.link.DiscoverLink;
import io.wisp.core.model.Version;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link BootstrapDiscoverRequest} (Core TS §6.1): on 2.05 the links the client listed. The root
 * link {@code </>} carries the client's LwM2M version (1.1+); a Security instance without {@code ssid} is a
 * Bootstrap-Server account.
 *
 * @param status code, error message, raw payload
 * @param links  the links in the client's order; empty on an error
 */
public record BootstrapDiscoverResponse(ResponseStatus status, List<DiscoverLink> links) implements LwM2mResponse {
    public BootstrapDiscoverResponse {
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

    /**
     * The LwM2M version on the root link ({@code </>;lwm2m="1.1"}), empty when the client did not send one, as a
     * LwM2M 1.0 client does not.
     */
    public Optional<Version> lwm2mVersion() {
        return link(LwM2mPath.ROOT).flatMap(DiscoverLink::lwm2m);
    }

    /** The instances of an object the client listed ({@code /o/i} links), in order. */
    public List<Integer> instances(int objectId) {
        return links.stream().map(DiscoverLink::path)
                .filter(p -> p.isObjectInstance() && p.objectId() == objectId).map(LwM2mPath::instanceId).toList();
    }
}
