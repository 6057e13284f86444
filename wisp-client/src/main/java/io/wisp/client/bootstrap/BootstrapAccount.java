package io.wisp.client.bootstrap;

import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.client.security.AccountSecurity;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.DtlsClientSecurity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The client's LwM2M Bootstrap-Server Account (Core TS §6.1, Appendix E.1): the Security instance whose
 * Bootstrap-Server resource (/0/x/1) is true, with the server's URI (/0/x/0), the Client Hold Off Time to wait
 * before a client-initiated bootstrap (/0/x/11) and the OSCORE instance it may link to (/0/x/17), which a
 * Bootstrap-Delete spares with the account.
 *
 * @param securityInstanceId the instance of /0 that holds the account
 * @param uri                the Bootstrap-Server URI as written
 * @param address            where the Bootstrap-Server listens
 * @param clientHoldOffTime  the wait before a client-initiated bootstrap (zero when /0/x/11 is absent)
 * @param oscoreInstanceId   the /21 instance the account links to, or -1
 * @param security           the DTLS credentials of a {@code coaps://} Bootstrap-Server (Security Modes 0–2), or
 *                           {@code null} for NoSec over {@code coap://}
 */
public record BootstrapAccount(int securityInstanceId, String uri, InetSocketAddress address,
        Duration clientHoldOffTime, int oscoreInstanceId, DtlsClientSecurity security) {
    private static final int SECURITY = 0;
    private static final int OSCORE = 21;
    private static final int DEFAULT_COAP_PORT = 5683;
    private static final int DEFAULT_COAPS_PORT = 5684;

    public BootstrapAccount {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(clientHoldOffTime, "clientHoldOffTime");
    }

    /**
     * The account in the tree, if there is one; throws {@link IllegalStateException} naming the resource when it
     * cannot be used (no URI, a URI that is not {@code coap://} or {@code coaps://}, an unknown host, credentials
     * that do not fit the Security Mode).
     */
    public static Optional<BootstrapAccount> find(ObjectTree tree) {
        for (ObjectInstance instance : securityInstances(tree)) {
            if (isBootstrapAccount(instance)) {
                return Optional.of(of(instance));
            }
        }
        return Optional.empty();
    }

    /** The /0 instance of the account, if any, without checking its URI. */
    static OptionalInt instanceId(ObjectTree tree) {
        for (ObjectInstance instance : securityInstances(tree)) {
            if (isBootstrapAccount(instance)) {
                return OptionalInt.of(instance.id());
            }
        }
        return OptionalInt.empty();
    }

    /** Whether a Security instance is a Bootstrap-Server Account (/0/x/1 true). */
    static boolean isBootstrapAccount(ObjectInstance security) {
        return value(security, 1) instanceof Value.BooleanValue b && b.value();
    }

    /** Whether a request from {@code peer} comes from this Bootstrap-Server (loopback and wildcard hosts match). */
    public boolean matches(InetSocketAddress peer) {
        if (address.equals(peer)) {
            return true;
        }
        if (address.getPort() != peer.getPort() || peer.getAddress() == null) {
            return false;
        }
        InetAddress host = address.getAddress();
        return host.isAnyLocalAddress() || host.isLoopbackAddress() && peer.getAddress().isLoopbackAddress();
    }

    private static BootstrapAccount of(ObjectInstance security) {
        String field = "/0/" + security.id() + "/0";
        if (!(value(security, 0) instanceof Value.StringValue uri) || uri.value().isEmpty()) {
            throw new IllegalStateException(field + ": the Bootstrap-Server Account has no server URI");
        }
        Duration holdOff = value(security, 11) instanceof Value.IntegerValue i && i.value() > 0
                ? Duration.ofSeconds(i.value()) : Duration.ZERO;
        int oscore = value(security, 17) instanceof Value.ObjlnkValue link
                && link.value().objectId() == OSCORE ? link.value().instanceId() : -1;
        InetSocketAddress address = address(uri.value(), field);
        DtlsClientSecurity dtls;
        try {
            dtls = AccountSecurity.read(security, new URI(uri.value()), List.of()).orElse(null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(field + ": not a URI: '" + uri.value() + "'", e);
        }
        return new BootstrapAccount(security.id(), uri.value(), address, holdOff, oscore, dtls);
    }

    private static InetSocketAddress address(String uri, String field) {
        try {
            URI parsed = new URI(uri);
            boolean secure = "coaps".equalsIgnoreCase(parsed.getScheme());
            if (!secure && !"coap".equalsIgnoreCase(parsed.getScheme())) {
                throw new IllegalStateException(field + ": only coap:// and coaps:// Bootstrap-Server URIs are "
                        + "supported, got '" + uri + "'");
            }
            if (parsed.getHost() == null) {
                throw new IllegalStateException(field + ": the Bootstrap-Server URI has no host: '" + uri + "'");
            }
            String host = parsed.getHost();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = parsed.getPort() >= 0 ? parsed.getPort() : secure ? DEFAULT_COAPS_PORT : DEFAULT_COAP_PORT;
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(field + ": not a URI: '" + uri + "'", e);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(field + ": unknown host in '" + uri + "'", e);
        }
    }

    static Iterable<ObjectInstance> securityInstances(ObjectTree tree) {
        ObjectEnabler security = tree.find(SECURITY);
        if (security == null) {
            return List.of();
        }
        try {
            LwM2mNode node = tree.read(Requester.LOCAL, LwM2mPath.of(SECURITY));
            return node instanceof LwM2mObject o ? o.instances().values() : List.of();
        } catch (ObjectException e) {
            return List.of();
        }
    }

    private static Value value(ObjectInstance instance, int resourceId) {
        LwM2mResource r = instance.resource(resourceId);
        return r instanceof SingleResource s ? s.value() : null;
    }
}
