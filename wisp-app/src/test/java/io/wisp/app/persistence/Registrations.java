package io.wisp.app.persistence;

import io.wisp.core.model.Version;
import io.wisp.server.registration.Binding;
import io.wisp.server.registration.CompactObjectLinks;
import io.wisp.server.registration.RegisterRequest;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.UpdateRequest;
import io.wisp.transport.Peer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Registrations for tests, and a text form of every field they have, to compare a stored one with the original. */
final class Registrations {
    static final Peer PEER = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 56830));

    private Registrations() {
    }

    /** A 1.1 client with two objects, from {@link #PEER}, registered at {@code now}. */
    static Registration of(String id, String endpoint, long lifetime, Instant now) {
        RegisterRequest r = new RegisterRequest(endpoint, lifetime, Version.V1_1, Binding.UDP, false, null, null,
                Map.of(), CompactObjectLinks.parse("</1/0>,</3/0>"));
        return Registration.create(id, r, PEER, now);
    }

    /** An Update that only renews, from {@code peer}, at {@code now}. */
    static Registration renewed(Registration r, Peer peer, Instant now) {
        return r.updated(UpdateRequest.renew(r.id()), peer, now);
    }

    /** An Update with a new lifetime, from the same peer. */
    static Registration withLifetime(Registration r, long lifetime, Instant now) {
        return r.updated(new UpdateRequest(r.id(), lifetime, null, null, null, null), r.peer(), now);
    }

    /** Every field of a registration, in one line; equal for a registration and its stored copy. */
    static String describe(Registration r) {
        return "id=" + r.id() + " ep=" + r.endpoint() + " lwm2m=" + r.lwm2mVersion() + " b=" + r.binding() + " Q="
                + r.queueMode() + " lt=" + r.lifetime() + " sms=" + r.smsNumber() + " pid=" + r.profileId()
                + " attrs=" + new TreeMap<>(r.additionalAttributes()) + " peer=" + r.peer() + " identity="
                + r.peer().identity() + "/" + r.identity() + " links=" + r.objectLinks().payloadText() + " alt="
                + r.objectLinks().alternatePath() + " ct=" + r.objectLinks().contentFormats() + " objects="
                + r.objectLinks().objectIds() + " registered=" + r.registeredAt() + " updated=" + r.lastUpdateAt()
                + " expires=" + r.expiresAtMillis();
    }
}
