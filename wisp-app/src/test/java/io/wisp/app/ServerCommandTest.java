package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code wisp server} really serves the registration interface on a UDP port and reports what happens. */
class ServerCommandTest {

    @Test
    void serves_register_and_deregister_and_prints_each_event() throws Exception {
        StringWriter text = new StringWriter();
        ServerCommand command = new ServerCommand();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(text, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("--coap-port", "0", "--coap-bind", "127.0.0.1"));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> text.toString().contains("listening on"));
            Matcher m = Pattern.compile("coap://127\\.0\\.0\\.1:(\\d+)").matcher(text.toString());
            assertThat(m.find()).isTrue();
            String base = "coap://127.0.0.1:" + m.group(1);

            CoapClient client = new CoapClient(base + "/rd?ep=app-test&lt=60&lwm2m=1.1&b=U");
            Request register = Request.newPost();
            register.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
            register.setPayload("</1/0>,</3/0>");
            CoapResponse created = client.advanced(register);
            assertThat(created.getCode()).isEqualTo(CoAP.ResponseCode.CREATED);
            String location = created.getOptions().getLocationPathString();
            assertThat(location).startsWith("rd/");

            CoapResponse deleted = new CoapClient(base + "/" + location).delete();
            assertThat(deleted.getCode()).isEqualTo(CoAP.ResponseCode.DELETED);
            client.shutdown();

            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> text.toString().contains("deregistered app-test"));
            assertThat(text.toString()).contains("registered   app-test lwm2m=1.1 lt=60s");
        } finally {
            command.stop();
        }
        assertThat(exit.get()).isZero();
        assertThat(text.toString()).contains("Wisp LwM2M server stopped.");
    }
}
