package io.wisp.app.http;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * {@link DeviceManagementApiTest} against a Wisp client (LwM2M 1.2) instead of Leshan: every operation of the HTTP
 * API reaches a real {@code WispClient} over UDP on loopback, LwM2M CBOR reads included.
 */
class WispClientDeviceManagementApiTest extends DeviceManagementApiTest {

    @Override
    ApiPeer startPeer(String endpoint, InetSocketAddress address, long lifetime) {
        return WispPeer.start(endpoint, address, lifetime);
    }

    @Override
    List<String> structuredFormats() {
        return List.of("TLV", "SENML_JSON", "SENML_CBOR", "LWM2M_CBOR", "JSON");
    }
}
