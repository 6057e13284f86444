/**
 * Information reporting on the client (Core TS 1.2 §6.4, §7.3): the notification attributes that apply to an
 * observation ({@link io.wisp.client.observe.EffectiveAttributes}), the change conditions and timing rules as pure
 * functions ({@link io.wisp.client.observe.ChangeConditions}, {@link io.wisp.client.observe.NotificationRule}), and
 * the per-client {@link io.wisp.client.observe.ObservationRegistry} that turns value changes into notifications on a
 * clock and a shared scheduler. Its boundaries are plain interfaces the client engine wires: where attributes are
 * stored ({@link io.wisp.client.observe.AttributeSource}), server account defaults
 * ({@link io.wisp.client.observe.ServerSettingsSource}), how values are read
 * ({@link io.wisp.client.observe.NodeReader}) and where notifications go
 * ({@link io.wisp.client.observe.NotificationSink}).
 */
package io.wisp.client.observe;
