package io.wisp.server.testing;

import io.wisp.transport.CoapMethod;
import io.wisp.transport.Peer;
import io.wisp.transport.QueryParam;
import io.wisp.transport.UplinkRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Request views for unit tests of the registration interface, written the way they appear on the wire. */
public final class Uplinks {
    public static final Peer PEER = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 56830));

    private Uplinks() {
    }

    /** {@code POST /rd?<query>} with a payload; {@code format} -1 for none. */
    public static UplinkRequest register(String query, int format, String payload) {
        return request(CoapMethod.POST, List.of("rd"), query, format, payload);
    }

    /** {@code POST /rd/<id>?<query>} with a payload; {@code format} -1 for none. */
    public static UplinkRequest update(String id, String query, int format, String payload) {
        return request(CoapMethod.POST, List.of("rd", id), query, format, payload);
    }

    public static UplinkRequest request(CoapMethod method, List<String> path, String query, int format,
            String payload) {
        List<QueryParam> params = query.isEmpty() ? List.of()
                : Arrays.stream(query.split("&")).map(QueryParam::parse).toList();
        return UplinkRequest.of(PEER, method, path, params, format, payload.getBytes(StandardCharsets.UTF_8));
    }
}
