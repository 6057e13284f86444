package io.wisp.client.object.std;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.registry.ModelRegistry;

/** The bundled models the standard objects are built on, looked up once and shared by every client. */
final class StandardModels {
    static final ObjectModel SECURITY = bundled(0);
    static final ObjectModel SERVER = bundled(1);
    static final ObjectModel ACCESS_CONTROL = bundled(2);
    static final ObjectModel DEVICE = bundled(3);
    static final ObjectModel CONNECTIVITY_MONITORING = bundled(4);
    static final ObjectModel LOCATION = bundled(6);
    static final ObjectModel CONNECTIVITY_STATISTICS = bundled(7);

    private StandardModels() {
    }

    static ObjectModel bundled(int objectId) {
        return ModelRegistry.bundled().find(objectId).orElseThrow(() -> new IllegalStateException(
                "the bundled models lack object " + objectId + "; wisp-core is built wrongly"));
    }
}
