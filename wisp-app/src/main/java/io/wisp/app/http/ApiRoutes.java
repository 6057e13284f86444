package io.wisp.app.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The routes of the HTTP API in the order they are matched: the first route whose path matches a request wins, so a
 * module adds its literal paths ({@code .../composite}) before the catch-all LwM2M path ({@code .../<path>}).
 * Paths use Javalin's syntax: {@code {name}} matches one segment, {@code <name>} any number of them (an LwM2M path
 * such as {@code 3/0/1}). The list is what the OpenAPI contract test compares with the documented paths.
 */
public final class ApiRoutes {

    /**
     * One route.
     *
     * @param method the HTTP method
     * @param path   the path in Javalin's syntax
     */
    public record Route(String method, String path) {
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
        }

        /** The path as OpenAPI writes it: every parameter in braces. */
        public String openApiPath() {
            return path.replace('<', '{').replace('>', '}');
        }
    }

    private record Entry(Route route, HandlerType type, Handler handler) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public ApiRoutes get(String path, Handler handler) {
        return add(HandlerType.GET, path, handler);
    }

    public ApiRoutes post(String path, Handler handler) {
        return add(HandlerType.POST, path, handler);
    }

    public ApiRoutes put(String path, Handler handler) {
        return add(HandlerType.PUT, path, handler);
    }

    public ApiRoutes delete(String path, Handler handler) {
        return add(HandlerType.DELETE, path, handler);
    }

    private ApiRoutes add(HandlerType type, String path, Handler handler) {
        Route route = new Route(type.name(), path);
        if (entries.stream().anyMatch(e -> e.route.equals(route))) {
            throw new IllegalArgumentException("route " + route.method() + " " + path + " is added twice");
        }
        entries.add(new Entry(route, type, Objects.requireNonNull(handler, "handler")));
        return this;
    }

    /** Every route, in matching order. */
    public List<Route> routes() {
        return entries.stream().map(Entry::route).toList();
    }

    void applyTo(RoutesConfig config) {
        for (Entry e : entries) {
            config.addHttpHandler(e.type, e.route.path(), e.handler);
        }
    }
}
