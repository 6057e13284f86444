package io.wisp.client.object.std;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.Requester;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.util.Objects;

/**
 * LwM2M Server (object 1, Core TS Appendix E.2): one instance per server account — Short Server ID, lifetime,
 * default periods, binding. Its three actions go to the engine through {@link ClientActions}: Disable (/1/x/4),
 * Registration Update Trigger (/1/x/8) and Bootstrap-Request Trigger (/1/x/9), each with the instance's Short
 * Server ID. A lifetime below 1 s or a binding with letters other than U, M, H, T, S, N (and the 1.0 queue flag Q)
 * is refused with 4.00. The engine sees lifetime and binding changes through the change listener and sends an
 * Update (Core TS §6.2.2).
 */
public final class ServerObject extends ModelEnabler {
    private static final int SHORT_SERVER_ID = 0;
    private static final int LIFETIME = 1;
    private static final int DISABLE = 4;
    private static final int STORING = 6;
    private static final int BINDING = 7;
    private static final int UPDATE_TRIGGER = 8;
    private static final int BOOTSTRAP_TRIGGER = 9;
    private static final Value DEFAULT_STORING = Value.of(false);

    private final ClientActions actions;

    public ServerObject(ClientActions actions) {
        this(StandardModels.SERVER, actions);
    }

    /** On another version of the Server model. */
    public ServerObject(ObjectModel model, ClientActions actions) {
        super(model);
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    /** Adds the account of a server: its Short Server ID, lifetime (s) and binding ("U" for UDP). */
    public ServerObject addServer(int instanceId, int shortServerId, long lifetime, String binding) {
        addInstance(instanceId);
        set(instanceId, SHORT_SERVER_ID, Value.of((long) shortServerId));
        set(instanceId, LIFETIME, Value.of(lifetime));
        set(instanceId, STORING, DEFAULT_STORING);
        set(instanceId, BINDING, Value.of(binding));
        return this;
    }

    /** The Short Server ID of an instance (/1/x/0). */
    public int shortServerId(int instanceId) {
        return (int) ((Value.IntegerValue) value(instanceId, SHORT_SERVER_ID)).value();
    }

    @Override
    protected void beforeWrite(Requester requester, int instanceId, LwM2mResource resource) {
        if (!(resource instanceof SingleResource single)) {
            return;
        }
        if (resource.id() == LIFETIME && ((Value.IntegerValue) single.value()).value() < 1) {
            throw ObjectException.badRequest("the lifetime /1/" + instanceId + "/1 must be at least 1 s, got "
                    + single.value());
        }
        if (resource.id() == BINDING && !((Value.StringValue) single.value()).value().matches("[UMHTSNQ]+")) {
            throw ObjectException.badRequest("the binding /1/" + instanceId + "/7 must be made of U, M, H, T, S, N "
                    + "(and Q in 1.0), got '" + single.value() + "'");
        }
    }

    @Override
    protected void execute(Requester requester, int instanceId, int resourceId, ExecuteArguments arguments) {
        int ssid = shortServerId(instanceId);
        switch (resourceId) {
            case DISABLE -> actions.disable(ssid);
            case UPDATE_TRIGGER -> actions.registrationUpdate(ssid);
            case BOOTSTRAP_TRIGGER -> actions.bootstrapRequest(ssid);
            default -> {
            }
        }
    }
}
