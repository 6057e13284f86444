package io.wisp.app.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.Json;
import io.wisp.server.queue.Presence;
import io.wisp.server.registration.CompactObjectLinks;
import io.wisp.server.registration.Registration;
import io.wisp.transport.Peer;
import java.time.Instant;

/**
 * A client's registration (Core TS §6.2) in JSON: who it is, how it is reached, what it announced, until when it is
 * valid and, for a queue-mode client, whether it is awake.
 */
public final class RegistrationJson {

    private RegistrationJson() {
    }

    public static ObjectNode write(Registration r, Presence presence) {
        ObjectNode json = Json.object();
        json.put("endpoint", r.endpoint());
        json.put("registrationId", r.id());
        json.put("lwm2mVersion", r.lwm2mVersion().toString());
        json.put("binding", r.binding().toString());
        json.put("queueMode", r.queueMode());
        json.put("presence", presence.name());
        json.put("lifetime", r.lifetime());
        json.put("registeredAt", r.registeredAt().toString());
        json.put("lastUpdateAt", r.lastUpdateAt().toString());
        if (r.expiresAtMillis() == Long.MAX_VALUE) {
            json.putNull("expiresAt");
        } else {
            json.put("expiresAt", Instant.ofEpochMilli(r.expiresAtMillis()).toString());
        }
        Peer peer = r.peer();
        json.put("address", peer.address().getAddress().getHostAddress() + ":" + peer.address().getPort());
        json.put("transport", peer.connector());
        json.put("securityMode", peer.authenticatedIdentity().map(i -> i.kind().name()).orElse("NO_SEC"));
        if (r.smsNumber() != null) {
            json.put("smsNumber", r.smsNumber());
        }
        if (r.profileId() != null) {
            json.put("profileId", r.profileId());
        }
        if (!r.additionalAttributes().isEmpty()) {
            ObjectNode extra = json.putObject("additionalAttributes");
            r.additionalAttributes().forEach(extra::put);
        }
        links(json, r.objectLinks());
        return json;
    }

    private static void links(ObjectNode json, CompactObjectLinks links) {
        json.put("objectLinks", links.payloadText());
        json.put("alternatePath", links.alternatePath());
        ArrayNode formats = json.putArray("contentFormats");
        links.contentFormats().forEach(f -> formats.add(f.name()));
        ArrayNode objects = json.putArray("objects");
        for (int id : links.objectIds()) {
            ObjectNode o = objects.addObject();
            o.put("id", id);
            o.put("version", links.version(id).map(Object::toString).orElse("1.0"));
            ArrayNode instances = o.putArray("instances");
            links.instances(id).forEach(instances::add);
        }
    }
}
