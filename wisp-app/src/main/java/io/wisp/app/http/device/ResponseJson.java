package io.wisp.app.http.device;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.Json;
import io.wisp.app.http.events.ServerEvents;
import io.wisp.app.http.json.NodeJson;
import io.wisp.core.link.DiscoverLink;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.CreateResponse;
import io.wisp.core.operation.DiscoverResponse;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import java.util.SortedMap;

/** The documents of successful device operations: the code, and what the operation returns. */
final class ResponseJson {
    private final NodeJson nodes;

    ResponseJson(NodeJson nodes) {
        this.nodes = nodes;
    }

    /** A response code as {@code "2.05"}. */
    static String code(ResponseCode code) {
        return code.codeClass() + "." + (code.detail() < 10 ? "0" : "") + code.detail();
    }

    /** What every operation answers: endpoint, the path it targeted (or null), code, content format. */
    static ObjectNode status(String endpoint, LwM2mPath path, LwM2mResponse response) {
        ObjectNode json = Json.object();
        json.put("endpoint", endpoint);
        if (path != null) {
            json.put("path", path.toString());
        }
        json.put("code", code(response.code()));
        response.contentFormat().ifPresent(f -> json.put("format", f.name()));
        return json;
    }

    /** Read, Observe, Cancel Observation: the node read, if any. */
    ObjectNode node(String endpoint, LwM2mPath path, LwM2mResponse response, LwM2mNode node,
            Observation observation) {
        ObjectNode json = status(endpoint, path, response);
        if (node != null) {
            json.set("content", nodes.write(node, path));
        }
        if (observation != null) {
            json.set("observation", ServerEvents.observation(observation));
        }
        return json;
    }

    /** Read-Composite, Observe-Composite: the nodes by path. */
    ObjectNode nodes(String endpoint, LwM2mResponse response, SortedMap<LwM2mPath, LwM2mNode> content,
            Observation observation) {
        ObjectNode json = status(endpoint, null, response);
        json.set("content", nodes.writeAll(content));
        if (observation != null) {
            json.set("observation", ServerEvents.observation(observation));
        }
        return json;
    }

    /** Discover: each link with its path, {@code dim} and attributes. */
    static ObjectNode discover(String endpoint, LwM2mPath path, DiscoverResponse response) {
        ObjectNode json = status(endpoint, path, response);
        ArrayNode links = json.putArray("links");
        for (DiscoverLink l : response.links()) {
            ObjectNode link = links.addObject();
            link.put("path", l.path().toString());
            ObjectNode attributes = link.putObject("attributes");
            l.link().attributes().forEach(a -> {
                if (a.value().isPresent()) {
                    attributes.put(a.name(), a.value().get());
                } else {
                    attributes.putNull(a.name());
                }
            });
            link.put("link", l.link().toString());
        }
        return json;
    }

    /** Create: where the new instance is. */
    static ObjectNode create(String endpoint, CreateResponse response) {
        ObjectNode json = status(endpoint, null, response);
        response.instancePath().ifPresent(p -> json.put("location", p.toString()));
        return json;
    }
}
