package io.wisp.app.http.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.app.http.Params;
import io.wisp.app.http.Problems;
import io.wisp.app.http.json.NodeJson;
import io.wisp.app.http.json.NodeReader;
import io.wisp.core.SyntaxException;
import io.wisp.core.attributes.AttributeUpdate;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.DiscoverRequest;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.registration.Registration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Device management (Core TS §6.3) on one client's paths: Read, Discover, Write, Write-Attributes, Execute, Create
 * (a POST to an object path), Delete. The LwM2M path is the rest of the URL ({@code /api/v1/clients/dev-1/3/0/1}),
 * so these routes come after every literal one.
 */
public final class DeviceManagementRoutes implements ApiModule {
    private static final String CLIENT = "/api/v1/clients/{ep}";

    private final DeviceCalls calls;
    private final NodeReader reader;
    private final ResponseJson json;

    public DeviceManagementRoutes(DeviceCalls calls) {
        this.calls = calls;
        this.reader = new NodeReader(calls.server().models());
        this.json = new ResponseJson(new NodeJson(calls.server().models()));
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(CLIENT + "/<path>/discover", this::discover)
                .put(CLIENT + "/<path>/attributes", this::writeAttributes)
                .post(CLIENT + "/<path>/execute", this::execute)
                .get(CLIENT + "/<path>", this::read)
                .post(CLIENT + "/<path>", this::create)
                .put(CLIENT + "/<path>", this::write)
                .delete(CLIENT + "/<path>", this::delete);
    }

    private void read(Context ctx) {
        String ep = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        ContentFormat format = Params.format(ctx, Params.NODE_FORMATS);
        ReadRequest request = build(() -> new ReadRequest(path, format), "path");
        calls.answer(ctx, ep, request, "read", 200, r -> json.node(ep, path, r, r.content(), null));
    }

    private void discover(Context ctx) {
        String ep = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        String depthText = ctx.queryParam("depth");
        Integer depth = depthText == null || depthText.isBlank() ? null : Params.integer(ctx, "depth", 0, 0, 3);
        DiscoverRequest request = build(() -> new DiscoverRequest(path, depth), "path");
        calls.answer(ctx, ep, request, "discover", 200, r -> ResponseJson.discover(ep, path, r));
    }

    private void write(Context ctx) {
        String ep = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        ContentFormat format = Params.format(ctx, Params.NODE_FORMATS);
        WriteRequest.Mode mode = mode(ctx.queryParam("mode"));
        Registration registration = calls.registration(ep);
        if (path.isRoot() || path.isObject()) {
            throw ApiProblem.badRequest("path", "a Write targets an object instance, a resource or a resource "
                    + "instance, not " + path + " (Core TS 6.3.3)");
        }
        JsonNode body = Json.read(ctx.body());
        LwM2mNode node = reader.read(body, path, DeviceCalls.objectVersion(registration, path.objectId()), "body");
        WriteRequest request = build(() -> new WriteRequest(mode, path, node, format), "body");
        calls.answer(ctx, ep, request, "write", 200, r -> ResponseJson.status(ep, path, r));
    }

    private void writeAttributes(Context ctx) {
        String ep = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        List<String> parts = attributeParts(ctx.queryString());
        if (parts.isEmpty()) {
            throw ApiProblem.badRequest("query", "give at least one attribute, e.g. ?pmin=10&pmax=60 "
                    + "(a name alone clears it)");
        }
        AttributeUpdate update;
        try {
            update = AttributeUpdate.parse(parts);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("query", e.getMessage());
        }
        WriteAttributesRequest request = build(() -> new WriteAttributesRequest(path, update), "query");
        calls.answer(ctx, ep, request, "write-attributes", 200, r -> ResponseJson.status(ep, path, r));
    }

    private void execute(Context ctx) {
        String ep = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        ExecuteArguments arguments;
        try {
            arguments = ExecuteArguments.parse(ctx.body());
        } catch (SyntaxException e) {
            throw ApiProblem.badRequest("body", e.getMessage());
        }
        ExecuteRequest request = build(() -> new ExecuteRequest(path, arguments), "path");
        calls.answer(ctx, ep, request, "execute", 200, r -> ResponseJson.status(ep, path, r));
    }

    private void create(Context ctx) {
        String ep = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        if (!path.isObject()) {
            throw ApiProblem.badRequest("path", "Create posts to an object, e.g. /3303, not " + path
                    + " (Core TS 6.3.6)");
        }
        int objectId = path.objectId();
        ContentFormat format = Params.format(ctx, Params.NODE_FORMATS);
        Registration registration = calls.registration(ep);
        ObjectInstance instance = reader.newInstance(Json.read(ctx.body()), objectId,
                DeviceCalls.objectVersion(registration, objectId), "body");
        CreateRequest request = build(() -> new CreateRequest(objectId, instance, format), "body");
        calls.answer(ctx, ep, request, "create", 201, r -> ResponseJson.create(ep, r), (c, r) ->
                r.instancePath().ifPresent(p -> c.header("Location", "/api/v1/clients/" + ep + p)));
    }

    private void delete(Context ctx) {
        String ep = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        DeleteRequest request = build(() -> new DeleteRequest(path), "path");
        calls.answer(ctx, ep, request, "delete", 200, r -> ResponseJson.status(ep, path, r));
    }

    private static WriteRequest.Mode mode(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("replace")) {
            return WriteRequest.Mode.REPLACE;
        }
        if (text.equalsIgnoreCase("update")) {
            return WriteRequest.Mode.PARTIAL_UPDATE;
        }
        throw ApiProblem.badRequest("mode", "expected replace or update, got '" + text + "'");
    }

    /** The query parts that are notification attributes: all but {@code timeout}. */
    private static List<String> attributeParts(String query) {
        List<String> parts = new ArrayList<>();
        if (query == null) {
            return parts;
        }
        for (String raw : query.split("&")) {
            String part = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            if (!part.isEmpty() && !part.equals("timeout") && !part.startsWith("timeout=")) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Builds a request; the core's refusal becomes a 400 naming the field it blames, else {@code field}. */
    static <T> T build(Supplier<T> request, String field) {
        try {
            return request.get();
        } catch (IllegalArgumentException e) {
            throw Problems.from(e, null, field);
        }
    }
}
