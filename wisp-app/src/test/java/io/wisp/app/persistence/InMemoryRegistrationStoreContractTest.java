package io.wisp.app.persistence;

import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.RegistrationStore;

/** The contract against the server's in-memory default, the behaviour the persistent store must match. */
class InMemoryRegistrationStoreContractTest extends RegistrationStoreContract {
    private final InMemoryRegistrationStore store = new InMemoryRegistrationStore(clock);

    @Override
    protected RegistrationStore store() {
        return store;
    }
}
