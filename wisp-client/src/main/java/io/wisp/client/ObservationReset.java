package io.wisp.client;

import io.wisp.client.engine.RegistrationEvents;
import io.wisp.client.engine.ServerAccount;
import java.util.function.IntConsumer;

/**
 * Forwards registration events and, when a Register is about to go out, drops the observations the server held on
 * the previous registration: a server forgets them when a client registers again (Core TS §6.4.1), so the client
 * must stop notifying them before the server could set up new ones.
 */
final class ObservationReset implements RegistrationEvents {
    private final RegistrationEvents delegate;
    private final IntConsumer forget;

    ObservationReset(RegistrationEvents delegate, IntConsumer forget) {
        this.delegate = delegate;
        this.forget = forget;
    }

    @Override
    public void registering(ServerAccount server) {
        forget.accept(server.shortServerId());
        delegate.registering(server);
    }

    @Override
    public void registered(ServerAccount server, String location) {
        delegate.registered(server, location);
    }

    @Override
    public void updated(ServerAccount server) {
        delegate.updated(server);
    }

    @Override
    public void failed(ServerAccount server, String operation, String reason, boolean retrying) {
        delegate.failed(server, operation, reason, retrying);
    }

    @Override
    public void deregistered(ServerAccount server) {
        delegate.deregistered(server);
    }
}
