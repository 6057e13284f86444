package io.wisp.client;

import io.wisp.client.engine.RetryPolicy;
import io.wisp.client.engine.ServerAccount;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The LwM2M Server accounts a client holds in its Security (/0) and Server (/1) objects (Core TS Appendix E.1, E.2):
 * a non-bootstrap Security instance gives the server's URI and Short Server ID (/0/x/0, /0/x/10), the Server
 * instance with that Short Server ID its lifetime and binding (/1/x/1, /1/x/7). Reading them from the objects, not
 * from a side configuration, is what lets a Bootstrap-Server provision a client.
 */
final class ServerAccounts {
    private static final int DEFAULT_COAP_PORT = 5683;
    private static final int DEFAULT_COAPS_PORT = 5684;

    private ServerAccounts() {
    }

    /**
     * The accounts in the tree; throws naming the resource when one is unusable (bad URI, no Server instance,
     * credentials that do not fit the Security Mode). {@code trustStore} holds CA certificates the client trusts for
     * X.509 servers besides each account's own /0/x/4.
     */
    static List<ServerAccount> read(ObjectTree tree, boolean queueMode, List<X509Certificate> trustStore) {
        List<ServerAccount> out = new ArrayList<>();
        for (ObjectInstance security : instances(tree, 0)) {
            if (bool(security, 1)) {
                continue;
            }
            int ssid = (int) number(security, 10);
            String uri = text(security, 0);
            ObjectInstance server = serverInstance(tree, ssid);
            long lifetime = number(server, 1);
            String binding = server.resource(7) == null ? "U" : text(server, 7);
            ServerAccount account = new ServerAccount(ssid, address(uri, security.id()), Duration.ofSeconds(lifetime),
                    binding.isEmpty() ? "U" : binding.replace("Q", ""), queueMode || binding.contains("Q"),
                    retryPolicy(server), AccountSecurity.read(security, parse(uri, security.id()), trustStore)
                    .orElse(null));
            out.add(account);
        }
        return out;
    }

    /** Whether Send to this server is muted: Mute Send (/1/x/23) is true (Core TS 1.2 Appendix E.2; ETS int-307). */
    static boolean sendMuted(ObjectTree tree, int ssid) {
        try {
            return bool(serverInstance(tree, ssid), 23);
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * The registration retry policy of a Server instance (Core TS §6.2.1.1, /1/x/17..20: retry count, retry timer,
     * sequence delay, sequence retry count); an absent resource, or 0 (what an unset one holds), keeps the TS default.
     */
    private static RetryPolicy retryPolicy(ObjectInstance server) {
        RetryPolicy d = RetryPolicy.DEFAULT;
        long count = optional(server, 17);
        long timer = optional(server, 18);
        long delay = optional(server, 19);
        long sequences = optional(server, 20);
        return new RetryPolicy(count > 0 ? (int) Math.min(count, Integer.MAX_VALUE) : d.retryCount(),
                timer > 0 ? Duration.ofSeconds(timer) : d.retryTimer(),
                delay > 0 ? Duration.ofSeconds(delay) : d.sequenceDelay(),
                sequences > 0 ? (int) Math.min(sequences, Integer.MAX_VALUE) : d.sequenceRetryCount());
    }

    private static long optional(ObjectInstance instance, int resourceId) {
        return instance.resource(resourceId) instanceof SingleResource ? number(instance, resourceId) : 0;
    }

    private static ObjectInstance serverInstance(ObjectTree tree, int ssid) {
        for (ObjectInstance server : instances(tree, 1)) {
            if (server.resource(0) != null && number(server, 0) == ssid) {
                return server;
            }
        }
        throw new IllegalStateException("/1: no Server instance with Short Server ID " + ssid + " (/1/x/0)");
    }

    private static List<ObjectInstance> instances(ObjectTree tree, int objectId) {
        if (tree.find(objectId) == null) {
            return List.of();
        }
        LwM2mNode node = tree.read(Requester.LOCAL, LwM2mPath.of(objectId));
        return node instanceof LwM2mObject o ? List.copyOf(o.instances().values()) : List.of();
    }

    static InetSocketAddress address(String uri, int securityInstance) {
        String field = "/0/" + securityInstance + "/0";
        URI parsed = parse(uri, securityInstance);
        boolean secure = "coaps".equalsIgnoreCase(parsed.getScheme());
        if (!secure && !"coap".equalsIgnoreCase(parsed.getScheme())) {
            throw new IllegalStateException(field + ": only coap:// and coaps:// server URIs are supported, got '"
                    + uri + "'");
        }
        if (parsed.getHost() == null) {
            throw new IllegalStateException(field + ": the server URI has no host: '" + uri + "'");
        }
        String host = parsed.getHost().startsWith("[") ? parsed.getHost().substring(1,
                parsed.getHost().length() - 1) : parsed.getHost();
        int port = parsed.getPort() >= 0 ? parsed.getPort() : secure ? DEFAULT_COAPS_PORT : DEFAULT_COAP_PORT;
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(field + ": unknown host in '" + uri + "'", e);
        }
    }

    private static URI parse(String uri, int securityInstance) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("/0/" + securityInstance + "/0: not a URI: '" + uri + "'", e);
        }
    }

    private static Value value(ObjectInstance instance, int resourceId) {
        LwM2mResource r = instance.resource(resourceId);
        if (!(r instanceof SingleResource s)) {
            throw new IllegalStateException("/" + instance.id() + "/" + resourceId + ": missing");
        }
        return s.value();
    }

    private static long number(ObjectInstance instance, int resourceId) {
        Value v = value(instance, resourceId);
        if (v instanceof Value.IntegerValue i) {
            return i.value();
        }
        if (v instanceof Value.UnsignedIntegerValue u) {
            return u.bits();
        }
        throw new IllegalStateException("resource " + resourceId + ": not a number: " + v);
    }

    private static String text(ObjectInstance instance, int resourceId) {
        Value v = value(instance, resourceId);
        return v instanceof Value.StringValue s ? s.value() : String.valueOf(v);
    }

    private static boolean bool(ObjectInstance instance, int resourceId) {
        LwM2mResource r = instance.resource(resourceId);
        return r instanceof SingleResource s && s.value() instanceof Value.BooleanValue b && b.value();
    }
}
