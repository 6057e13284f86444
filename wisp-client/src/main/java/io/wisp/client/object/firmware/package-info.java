/**
 * The Firmware Update object, LwM2M object 5 (Core TS Appendix E.6): {@link
 * io.wisp.client.object.firmware.FirmwareUpdateEnabler} serves {@code /5/0} and runs the state machine (States 0–3,
 * Update Results 0–11); a {@link io.wisp.client.object.firmware.FirmwareInstaller} checks and installs packages
 * (for simulated devices: {@link io.wisp.client.object.firmware.SimulatedFirmwareInstaller} with the SHA-256
 * trailed {@link io.wisp.client.object.firmware.SimulatedPackage} format); a {@link
 * io.wisp.client.object.firmware.PackageFetcher} downloads packages for pull delivery ({@link
 * io.wisp.client.object.firmware.CoapPackageFetcher} over CoAP).
 */
package io.wisp.client.object.firmware;
