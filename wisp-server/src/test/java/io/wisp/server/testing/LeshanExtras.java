package io.wisp.server.testing;

import java.util.List;
import java.util.function.Consumer;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.leshan.client.resource.ObjectsInitializer;
import org.eclipse.leshan.core.model.ObjectModel;

/**
 * What a test adds to a {@link LeshanDevice} beyond Security, Server and Device: object models Leshan does not ship,
 * object enablers, and Californium settings of the client's endpoint.
 *
 * @param models        extra object models for the client
 * @param objects       installs extra enablers
 * @param configuration changes the client's Californium configuration
 */
public record LeshanExtras(List<ObjectModel> models, Consumer<ObjectsInitializer> objects,
        Consumer<Configuration> configuration) {
    public static final LeshanExtras NONE = new LeshanExtras(List.of(), o -> { }, c -> { });

    public LeshanExtras {
        models = List.copyOf(models);
    }
}
