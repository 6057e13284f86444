package io.wisp.app.http;

/**
 * A group of routes of the HTTP API (clients, device management, events...). The API is the sum of its modules;
 * a role that joins the process later (bootstrap, security) brings its own module.
 */
public interface ApiModule {

    /** Adds this module's routes, most specific paths first. */
    void addTo(ApiRoutes routes);
}
