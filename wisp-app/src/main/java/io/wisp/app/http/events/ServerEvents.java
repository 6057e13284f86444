package io.wisp.app.http.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.Json;
import io.wisp.app.http.json.NodeJson;
import io.wisp.app.http.json.RegistrationJson;
import io.wisp.app.http.json.ValueJson;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.SendRequest;
import io.wisp.server.WispServer;
import io.wisp.server.observation.ObservationListener;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.queue.PresenceListener;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.UpdatedRegistration;
import io.wisp.server.send.SendListener;
import java.util.Optional;

/**
 * Turns what the LwM2M server hears into the events of the stream: registration, update, deregistration, expiry
 * (Core TS §6.2), awake and sleeping (§6.5), notification (§6.4) and send (§6.4.5).
 */
public final class ServerEvents implements RegistrationListener, PresenceListener, ObservationListener, SendListener {
    private final WispServer server;
    private final EventHub hub;
    private final NodeJson nodes;

    public ServerEvents(WispServer server, EventHub hub) {
        this.server = server;
        this.hub = hub;
        this.nodes = new NodeJson(server.models());
    }

    /** Starts listening to {@code server}. */
    public void attach() {
        server.addRegistrationListener(this);
        server.addPresenceListener(this);
        server.addObservationListener(this);
        server.addSendListener(this);
    }

    /** Stops listening. */
    public void detach() {
        server.removeRegistrationListener(this);
        server.removePresenceListener(this);
        server.removeObservationListener(this);
        server.removeSendListener(this);
    }

    @Override
    public void registered(Registration registration, Optional<Registration> replaced) {
        hub.publish("registration", registration.endpoint(), () -> {
            ObjectNode json = Json.object();
            json.set("registration", RegistrationJson.write(registration, server.queue().presence(registration)));
            replaced.ifPresent(old -> json.put("replaces", old.id()));
            return json;
        });
    }

    @Override
    public void updated(UpdatedRegistration update) {
        Registration current = update.current();
        hub.publish("update", current.endpoint(), () -> {
            ObjectNode json = Json.object();
            json.set("registration", RegistrationJson.write(current, server.queue().presence(current)));
            return json;
        });
    }

    @Override
    public void deregistered(Registration registration) {
        hub.publish("deregistration", registration.endpoint(), () -> idOnly(registration));
    }

    @Override
    public void expired(Registration registration) {
        hub.publish("expiry", registration.endpoint(), () -> idOnly(registration));
    }

    @Override
    public void awake(Registration registration) {
        hub.publish("awake", registration.endpoint(), () -> idOnly(registration));
    }

    @Override
    public void sleeping(Registration registration) {
        hub.publish("sleeping", registration.endpoint(), () -> idOnly(registration));
    }

    @Override
    public void notified(ObservationNotification n) {
        hub.publish("notification", n.registration().endpoint(), () -> {
            ObjectNode json = Json.object();
            json.set("observation", observation(n.observation()));
            json.put("format", n.format().name());
            json.set("receivedAt", ValueJson.time(n.receivedAt()));
            json.set("content", nodes.writeAll(n.content()));
            return json;
        });
    }

    @Override
    public void dataReceived(Registration registration, SendRequest data) {
        hub.publish("send", registration.endpoint(), () -> {
            ObjectNode json = Json.object();
            json.put("format", data.format().name());
            ArrayNode groups = json.putArray("data");
            for (TimestampedNodes group : data.data()) {
                ObjectNode g = groups.addObject();
                if (group.timestamp() == null) {
                    g.putNull("time");
                } else {
                    g.set("time", ValueJson.time(group.timestamp()));
                }
                g.set("nodes", nodes.writeAll(group.nodes()));
            }
            return json;
        });
    }

    /** An observation as the API shows it: its ID (the token in hex), paths, and whether it is composite. */
    public static ObjectNode observation(Observation o) {
        ObjectNode json = Json.object();
        json.put("id", o.id().toString());
        json.put("composite", o.composite());
        ArrayNode paths = json.putArray("paths");
        o.paths().forEach(p -> paths.add(p.toString()));
        return json;
    }

    private static ObjectNode idOnly(Registration registration) {
        ObjectNode json = Json.object();
        json.put("registrationId", registration.id());
        return json;
    }
}
