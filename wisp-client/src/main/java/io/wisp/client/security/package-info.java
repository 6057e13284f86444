/**
 * The DTLS credentials of a client's server accounts (Core TS Appendix E.1; Transport TS §5.2): what an application
 * gives for a server ({@link io.wisp.client.security.Credentials}), how they are held in the Security object
 * (resources 2–5 and 15) and read back from it — written by the application or by a Bootstrap-Server — into the
 * transport's client-role DTLS security ({@link io.wisp.client.security.AccountSecurity}).
 */
package io.wisp.client.security;
