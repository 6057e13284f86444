package io.wisp.app.http.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfReader;
import io.wisp.core.model.ddf.DdfWriteException;
import io.wisp.core.model.ddf.DdfWriter;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.model.validate.Finding;
import io.wisp.core.model.validate.ObjectValidator;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The object definitions the server decodes client data with (Core TS §7): {@code GET /api/v1/models} lists them,
 * {@code GET /api/v1/models/{id}} shows one with its resources and executable arguments (the newest version, or
 * {@code ?version=} and else the nearest), {@code GET /api/v1/models/{id}/ddf} is its DDF file, and
 * {@code POST /api/v1/models/validate} judges a definition being edited with the validator of
 * {@code wisp objects validate} and, when it can be written, gives its DDF XML. {@code POST /api/v1/models} takes a
 * DDF XML file, judges it with the same validator and, when it has no error, adds its objects to the server's
 * models (an {@link UploadableModels}; a fixed registry answers 409), so that clients with those objects decode.
 */
public final class ModelRoutes implements ApiModule {
    private static final String MODELS = "/api/v1/models";
    /** What findings name as their source when a definition comes from the console's editor. */
    static final String EDITOR_SOURCE = "editor";

    private final ObjectModels models;

    public ModelRoutes(ObjectModels models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.post(MODELS + "/validate", this::validate)
                .get(MODELS, this::list)
                .post(MODELS, this::upload)
                .get(MODELS + "/{id}/ddf", this::ddf)
                .get(MODELS + "/{id}", this::one);
    }

    private void list(Context ctx) {
        List<ObjectModel> all = models.all().stream()
                .sorted(Comparator.comparingInt(ObjectModel::id).thenComparing(ObjectModel::objectVersion))
                .toList();
        ObjectNode body = Json.object();
        body.put("total", all.size());
        ArrayNode items = body.putArray("items");
        all.forEach(m -> items.add(ModelJson.summary(m, source(m))));
        Json.respond(ctx, 200, body);
    }

    private void one(Context ctx) {
        ObjectModel m = find(ctx);
        Json.respond(ctx, 200, ModelJson.model(m, source(m)));
    }

    private void ddf(Context ctx) {
        ObjectModel m = find(ctx);
        byte[] xml;
        try {
            xml = DdfWriter.write(m);
        } catch (DdfWriteException e) {
            throw ApiProblem.of(409, "not-writable", "The definition cannot be written as DDF XML", e.getMessage());
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + m.id() + ".xml\"");
        ctx.contentType("application/xml").result(xml);
    }

    private void validate(Context ctx) {
        ObjectModel model = ModelReader.read(Json.read(ctx.body()));
        List<Finding> findings = ObjectValidator.validateModel(model, EDITOR_SOURCE);
        long errors = findings.stream().filter(Finding::isError).count();
        ObjectNode body = Json.object();
        body.put("valid", errors == 0);
        body.put("errors", errors);
        body.put("warnings", findings.size() - errors);
        body.set("findings", ModelJson.findings(findings));
        try {
            body.put("ddf", new String(DdfWriter.write(model), StandardCharsets.UTF_8));
        } catch (DdfWriteException e) {
            body.putNull("ddf");
            body.put("ddfProblem", e.getMessage());
        }
        Json.respond(ctx, 200, body);
    }

    private void upload(Context ctx) {
        byte[] xml = ctx.bodyAsBytes();
        if (xml.length == 0) {
            throw ApiProblem.badRequest("body", "send the DDF XML file as the body (Content-Type: application/xml)");
        }
        String source = "upload:" + fileName(ctx);
        List<Finding> findings = ObjectValidator.validateXml(xml, source);
        long errors = findings.stream().filter(Finding::isError).count();
        List<ObjectModel> read = errors == 0 ? DdfReader.read(xml, source).models() : List.of();
        if (errors > 0 || read.isEmpty()) {
            ObjectNode problem = ApiProblem.badRequest("body", errors > 0 ? "the definition has " + errors
                    + " error" + (errors == 1 ? "" : "s") + "; nothing was added" : "the file defines no object")
                    .toJson(ctx.path());
            problem.put("errors", errors);
            problem.put("warnings", findings.size() - errors);
            problem.set("findings", ModelJson.findings(findings));
            ctx.status(400).contentType(ApiProblem.CONTENT_TYPE).result(Json.write(problem)
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!(models instanceof UploadableModels target)) {
            throw ApiProblem.of(409, "models-fixed", "This server's models are fixed",
                    "the server was started with a fixed set of object definitions; add the file with --models");
        }
        read.forEach(m -> target.add(m, source));
        ObjectNode body = Json.object();
        body.put("valid", true);
        body.put("errors", 0);
        body.put("warnings", findings.size());
        body.set("findings", ModelJson.findings(findings));
        ArrayNode added = body.putArray("models");
        read.forEach(m -> added.add(ModelJson.summary(m, source)));
        Json.respond(ctx, 201, body);
    }

    /** The {@code name} query parameter, a file name shown as the models' source. */
    private static String fileName(Context ctx) {
        String name = ctx.queryParam("name");
        return name == null || name.isBlank() ? "ddf.xml" : name.strip().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private ObjectModel find(Context ctx) {
        String idText = ctx.pathParam("id");
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("id", "expected an object ID (a whole number 0..65534), got '" + idText + "'");
        }
        String versionText = ctx.queryParam("version");
        if (versionText == null || versionText.isBlank()) {
            return models.find(id).orElseThrow(() -> unknown(id));
        }
        if (!Version.isValid(versionText.strip())) {
            throw ApiProblem.badRequest("version", "expected a version such as 1.1, got '" + versionText + "'");
        }
        return models.find(id, Version.parse(versionText.strip())).orElseThrow(() -> unknown(id));
    }

    private String source(ObjectModel m) {
        if (models instanceof UploadableModels u) {
            return u.sourceOf(m);
        }
        return models instanceof ModelRegistry r ? r.sourceOf(m) : "unknown";
    }

    private static ApiProblem unknown(int id) {
        return ApiProblem.notFound("id", "no definition of object " + id + " is known to this server");
    }
}
