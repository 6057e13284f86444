package io.wisp.app.persistence;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.transport.security.SecurityInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link KillRestartTest} kills: a real {@link WispServer} on 127.0.0.1 with its registrations in a
 * {@link WispDatabase}, driven by one-line commands on stdin, answering on stdout with lines starting {@code @@}.
 * Arguments: data directory, UDP port (0: any free one; the ready line names it).
 */
public final class ServerChild {
    private ServerChild() {
    }

    public static void main(String[] args) throws Exception {
        WispDatabase db = WispDatabase.open(Path.of(args[0]), DatabaseOptions.defaults(), Clock.systemUTC());
        WispServer server = WispServer.builder().bindAddress(InetAddress.getLoopbackAddress())
                .port(Integer.parseInt(args[1])).models(ModelRegistry.bundled())
                .registrationStore(db.registrations()).build();
        server.start();
        say("ready " + server.localAddress().getPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split(" ");
            switch (w[0]) {
                case "count":
                    say("count " + server.registrations().size());
                    break;
                case "pending":
                    say("pending " + db.pendingWrites());
                    break;
                case "read":
                    ReadResponse read = server.sendAndWait(w[1], ReadRequest.of(w[2], ContentFormat.TEXT),
                            Duration.ofSeconds(10));
                    say("read " + read.status().code() + " " + read.content());
                    break;
                case "keep":
                    db.security().add(SecurityInfo.psk(w[1], "psk-" + w[1], new byte[] {1, 2, 3, 4}));
                    db.bootstrapConfigs().put(w[1], "{\"servers\":[{\"shortId\":1}]}");
                    List<HistorySample> values = new ArrayList<>();
                    for (int k = 0; k < 5; k++) {
                        values.add(new HistorySample(LwM2mPath.parse("/3303/0/5700"),
                                java.time.Instant.now().plusMillis(k), Value.of(20.5 + k),
                                HistorySample.Source.NOTIFICATION));
                    }
                    db.valueHistory().append(w[1], values);
                    say("kept");
                    break;
                case "show":
                    say("show credential=" + db.security().byEndpoint(w[1]).map(SecurityInfo::toString)
                            .orElse("none") + " config=" + db.bootstrapConfigs().get(w[1])
                            .map(ConfigDocument::revision).orElse(0L) + " history="
                            + db.valueHistory().query(w[1], LwM2mPath.parse("/3303"), 100).size());
                    break;
                case "quit":
                    server.close();
                    db.close();
                    say("bye");
                    return;
                default:
                    say("unknown " + line);
            }
        }
    }

    private static void say(String line) {
        System.out.println("@@ " + line);
        System.out.flush();
    }
}
