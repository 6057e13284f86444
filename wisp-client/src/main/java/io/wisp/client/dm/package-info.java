/**
 * The client's side of the Device Management and Service Enablement interface (LwM2M Core TS §6.3, Transport TS
 * §6.4): {@link io.wisp.client.dm.RequestDecoder} turns a server's CoAP request into an operation,
 * {@link io.wisp.client.dm.DmDispatcher} serves it on the object tree under access control (Core TS §7.3) and
 * answers in the right content format, {@link io.wisp.client.dm.WrittenAttributes} holds the notification
 * attributes each server wrote. Pure logic: no sockets, no threads.
 */
package io.wisp.client.dm;
