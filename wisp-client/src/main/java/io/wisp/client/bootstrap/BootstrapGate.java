package io.wisp.client.bootstrap;

import io.wisp.client.dm.InboundRequest;
import io.wisp.transport.QueryParam;
import io.wisp.transport.UplinkHandler;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The client's front door (Transport TS §6.1, §6.4): a request from the Bootstrap-Server Account's address is an
 * operation of the Bootstrap interface and goes to the {@link BootstrapEngine}; everything else goes on to the
 * device-management handler. A Bootstrap-Server and a LwM2M Server sharing one address and port cannot be told
 * apart here; the bootstrap interface wins.
 */
public final class BootstrapGate implements UplinkHandler {
    private final BootstrapEngine engine;
    private final UplinkHandler next;

    public BootstrapGate(BootstrapEngine engine, UplinkHandler next) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public UplinkResponse handle(UplinkRequest request) {
        if (!engine.isFromBootstrapServer(request.peer().address())) {
            return next.handle(request);
        }
        List<String> query = new ArrayList<>(request.query().size());
        for (QueryParam q : request.query()) {
            query.add(q.toString());
        }
        return engine.serve(new InboundRequest(request.method(), request.path(), query,
                request.contentFormat().orElse(InboundRequest.NONE), request.accept().orElse(InboundRequest.NONE),
                InboundRequest.NONE, 0, request.payload()));
    }
}
