package io.wisp.server.downlink;

import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.LwM2mResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operations the server can send, each with its {@link OperationMapping}: the one place where requests become
 * CoAP and CoAP answers become responses. Immutable.
 */
public final class OperationMappings {
    private static final OperationMappings STANDARD = new OperationMappings(List.of(
            new ReadMapping(),
            new DiscoverMapping(),
            new WriteMapping(),
            new WriteAttributesMapping(),
            new ExecuteMapping(),
            new CreateMapping(),
            new DeleteMapping(),
            new ReadCompositeMapping(),
            new WriteCompositeMapping()));

    private final Map<Class<?>, OperationMapping<?, ?>> byType;

    private OperationMappings(List<OperationMapping<?, ?>> mappings) {
        Map<Class<?>, OperationMapping<?, ?>> map = new LinkedHashMap<>();
        for (OperationMapping<?, ?> m : mappings) {
            map.put(Objects.requireNonNull(m, "mapping").requestType(), m);
        }
        this.byType = Map.copyOf(map);
    }

    /** Every operation Wisp implements. */
    public static OperationMappings standard() {
        return STANDARD;
    }

    /** These mappings plus {@code mapping}, which replaces any mapping for the same request type. */
    public OperationMappings with(OperationMapping<?, ?> mapping) {
        List<OperationMapping<?, ?>> all = new java.util.ArrayList<>(byType.values());
        all.removeIf(m -> m.requestType().equals(mapping.requestType()));
        all.add(mapping);
        return new OperationMappings(all);
    }

    /** The mapping for this request's class, if any. */
    @SuppressWarnings("unchecked")
    public <Q extends LwM2mRequest<R>, R extends LwM2mResponse> Optional<OperationMapping<Q, R>> forRequest(
            Q request) {
        return Optional.ofNullable((OperationMapping<Q, R>) byType.get(request.getClass()));
    }
}
