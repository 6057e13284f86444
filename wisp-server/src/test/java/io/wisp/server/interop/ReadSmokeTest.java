package io.wisp.server.interop;

import static org.awaitility.Awaitility.await;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.*;
import io.wisp.server.WispServer;
import io.wisp.server.testing.LeshanDevice;
import io.wisp.server.testing.ManagedObjects;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadSmokeTest {
    @Test
    void read() throws Exception {
        try (WispServer server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ManagedObjects.serverModels()).build()) {
            server.start();
            ManagedObjects objs = new ManagedObjects();
            try (LeshanDevice device = LeshanDevice.start("smoke", server.localAddress(), 300, false, objs.extras())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> server.registrations().byEndpoint("smoke").isPresent());
                System.out.println(server.registrations().byEndpoint("smoke").get().objectLinks());
                for (String p : new String[] {"/3/0", "/1/0", "/16", "/5/0", "/3/0/11/0", "/0"}) {
                    for (ContentFormat f : new ContentFormat[] {ContentFormat.TLV, ContentFormat.JSON, ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR, ContentFormat.LWM2M_CBOR}) {
                        try {
                            System.out.println(p + " " + f + " -> " + server.sendAndWait("smoke", new ReadRequest(io.wisp.core.path.LwM2mPath.parse(p), f), Duration.ofSeconds(5)));
                        } catch (Exception e) { System.out.println(p + " " + f + " !! " + e); }
                    }
                }
                System.out.println(server.sendAndWait("smoke", DiscoverRequest.of("/3"), Duration.ofSeconds(5)));
                System.out.println(server.sendAndWait("smoke", ReadCompositeRequest.of("/3/0/16", "/3/0/11/0", "/1/0"), Duration.ofSeconds(5)));
                System.out.println(server.sendAndWait("smoke", ReadCompositeRequest.of("/"), Duration.ofSeconds(5)));
            }
        }
    }
}
