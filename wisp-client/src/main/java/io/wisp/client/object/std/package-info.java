/**
 * The standard objects of a Wisp client, built on the model-driven enabler and the bundled models: Security (0),
 * Server (1), Access Control (2), Device (3), Connectivity Monitoring (4), Location (6), Connectivity Statistics (7)
 * (Core TS Appendix E), simulated IPSO sensors whose readings move on a shared ticker, and the
 * {@link io.wisp.client.object.std.ClientActions} through which their executes reach the client engine.
 */
package io.wisp.client.object.std;
