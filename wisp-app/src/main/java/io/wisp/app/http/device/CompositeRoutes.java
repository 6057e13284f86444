package io.wisp.app.http.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.app.http.Params;
import io.wisp.app.http.json.NodeJson;
import io.wisp.app.http.json.NodeReader;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.ReadCompositeRequest;
import io.wisp.core.operation.WriteCompositeRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.registration.Registration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read-Composite and Write-Composite (Core TS §6.3.8, §6.3.9) on {@code /api/v1/clients/{ep}/composite}: several
 * paths in one exchange, in SenML JSON, SenML CBOR or LwM2M CBOR, only to clients that announced one of them.
 */
public final class CompositeRoutes implements ApiModule {
    private static final String COMPOSITE = "/api/v1/clients/{ep}/composite";

    private final DeviceCalls calls;
    private final NodeReader reader;
    private final ResponseJson json;

    public CompositeRoutes(DeviceCalls calls) {
        this.calls = calls;
        this.reader = new NodeReader(calls.server().models());
        this.json = new ResponseJson(new NodeJson(calls.server().models()));
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(COMPOSITE, this::read).put(COMPOSITE, this::write);
    }

    /** The format of a FETCH body listing paths: the SenML one asked for, else the server's choice. */
    static ContentFormat pathListFormat(ContentFormat format) {
        return ContentFormat.SENML_JSON.equals(format) || ContentFormat.SENML_CBOR.equals(format) ? format : null;
    }

    private void read(Context ctx) {
        String ep = Params.endpoint(ctx);
        List<LwM2mPath> paths = Params.paths(ctx);
        ContentFormat format = Params.format(ctx, Params.COMPOSITE_FORMATS);
        ReadCompositeRequest request = DeviceManagementRoutes.build(() -> new ReadCompositeRequest(paths,
                pathListFormat(format), format), "paths");
        calls.answer(ctx, ep, request, "read-composite", 200, r -> json.nodes(ep, r, r.content(), null));
    }

    private void write(Context ctx) {
        String ep = Params.endpoint(ctx);
        ContentFormat format = Params.format(ctx, Params.COMPOSITE_FORMATS);
        Registration registration = calls.registration(ep);
        JsonNode body = Json.read(ctx.body());
        JsonNode nodes = body.get("nodes");
        if (nodes == null || !nodes.isObject() || nodes.isEmpty()) {
            throw ApiProblem.badRequest("body.nodes", "give the values by path, e.g. {\"nodes\": {\"/3/0/14\": "
                    + "{\"value\": \"+02\"}}}");
        }
        TreeMap<LwM2mPath, LwM2mNode> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "body.nodes." + e.getKey();
            LwM2mPath path = Params.lwm2mPath(e.getKey(), field);
            if (path.isRoot() || path.isObject()) {
                throw ApiProblem.badRequest(field, "Write-Composite writes instances, resources or resource "
                        + "instances, not " + path);
            }
            values.put(path, reader.read(e.getValue(), path, DeviceCalls.objectVersion(registration,
                    path.objectId()), field));
        }
        WriteCompositeRequest request = DeviceManagementRoutes.build(() -> new WriteCompositeRequest(values, format),
                "body.nodes");
        calls.answer(ctx, ep, request, "write-composite", 200, r -> ResponseJson.status(ep, null, r));
    }
}
