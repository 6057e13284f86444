/**
 * Send (Core TS 1.2 §6.4.6, {@code POST /dp}) on the client: current values at once
 * ({@link io.wisp.client.send.ImmediateSend}), readings collected over time with their timestamps
 * ({@link io.wisp.client.send.SendCollector}), and the encoded body the server's Send handler accepts
 * ({@link io.wisp.client.send.SendPayload}).
 */
package io.wisp.client.send;
