/**
 * The client side of the Bootstrap interface (Core TS §6.1, Transport TS §6.1): the client-initiated bootstrap
 * ({@link io.wisp.client.bootstrap.BootstrapEngine}: Bootstrap-Request or Bootstrap-Pack-Request, the hold-off,
 * session and retry timers, the fallback when registration fails) and the operations a Bootstrap-Server sends —
 * Bootstrap-Discover, -Read, -Write, -Delete and -Finish — served on the client's objects
 * ({@link io.wisp.client.bootstrap.BootstrapDispatcher}), with the consistency check that decides Finish.
 */
package io.wisp.client.bootstrap;
