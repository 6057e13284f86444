package io.wisp.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Certificate Usage of an X.509 account ({@code /0/x/15}, Core TS 1.1 Appendix E.1) in the bootstrap page, in a
 * real headless Chromium against what {@code wisp server} runs: chosen in the select, saved, read back through the
 * HTTP API and shown again after a reload and after reopening; changed to 0 and to none with the stored keys kept;
 * offered only for X.509 accounts, so that an account switched to PSK is saved without one (the API refuses a usage on
 * any other mode) and is not told its X.509 keys are a stored PSK key; leaving the page while a save is under way
 * (slowed down in the browser) does not bring the person back to the saved configuration; and a refused X.509
 * account shown at the field the server names, with the chosen usage kept. One browser serves the ordered steps.
 */
class ConsoleCertificateUsageBrowserTest extends ConsoleSession {
    private static final String EP = "console-x509-dev";
    private static final String USAGE = "#bs-sec-0-usage";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void a_usage_chosen_in_the_select_is_stored_and_shown_again_after_a_reload_and_on_reopening() throws Exception {
        Issued ca = TestCertificates.certificateAuthority("Console Usage CA");
        Issued device = TestCertificates.leaf(EP, ca);
        browser.open(server.url() + "/#/bootstrap/new");
        browser.type("#bs-endpoint", EP);
        browser.type("#bs-sec-0-uri", "coaps://127.0.0.1:" + server.coaps().getPort());
        assertThat(browser.driver.findElements(By.cssSelector(USAGE))).as("no usage for a NoSec account").isEmpty();

        new Select(browser.shown("#bs-sec-0-mode")).selectByValue("X509");
        Select usage = new Select(browser.shown(USAGE));
        assertThat(usage.getFirstSelectedOption().getText()).as("a new account writes no usage")
                .contains("Not written");
        usage.selectByValue("2");
        browser.type("#bs-sec-0-certificate", base64(device.certificate().getEncoded()));
        browser.type("#bs-sec-0-privateKey", base64(device.keys().getPrivate().getEncoded()));
        browser.type("#bs-sec-0-serverCertificate", base64(ca.certificate().getEncoded()));
        browser.click("[data-op='save-config']");

        browser.text(".saved", "Created the configuration of " + EP);
        JsonNode security = storedSecurity();
        assertThat(security.path("mode").asText()).isEqualTo("X509");
        assertThat(security.path("certificateUsage").isInt()).as("%s", security).isTrue();
        assertThat(security.path("certificateUsage").asInt()).isEqualTo(2);
        assertThat(security.path("keys").asText()).isEqualTo("stored");
        assertThat(selectedUsage()).as("the select after saving").isEqualTo("2");

        browser.driver.navigate().refresh();
        awaitUsage("2");
        assertThat(new Select(browser.shown(USAGE)).getFirstSelectedOption().getText()).contains("trust anchor");
        browser.screenshot("bootstrap-x509-usage");

        browser.open(server.url() + "/#/bootstrap");
        browser.click("tr[data-endpoint='" + EP + "'] a");
        awaitUsage("2");
    }

    @Test
    @Order(2)
    void usage_0_and_no_usage_are_saved_as_chosen_and_the_stored_keys_stay() throws Exception {
        browser.open(server.url() + "/#/bootstrap/" + EP);
        awaitUsage("2");
        new Select(browser.shown(USAGE)).selectByValue("0");
        browser.click("[data-op='save-config']");
        browser.text(".saved", "Saved the configuration of " + EP);
        assertThat(storedSecurity().path("certificateUsage").asInt(-1)).isEqualTo(0);
        assertThat(storedSecurity().path("keys").asText()).as("keys left empty are kept").isEqualTo("stored");
        browser.driver.navigate().refresh();
        awaitUsage("0");

        new Select(browser.shown(USAGE)).selectByValue("");
        browser.click("[data-op='save-config']");
        browser.text(".saved", "Saved the configuration of " + EP);
        JsonNode security = storedSecurity();
        assertThat(security.has("certificateUsage")).as("no usage is written: %s", security).isFalse();
        assertThat(security.path("mode").asText()).isEqualTo("X509");
        browser.driver.navigate().refresh();
        awaitUsage("");
    }

    @Test
    @Order(3)
    void the_usage_is_offered_only_for_x509_and_an_account_switched_to_psk_is_saved_without_it() throws Exception {
        browser.open(server.url() + "/#/bootstrap/" + EP);
        awaitUsage("");
        new Select(browser.shown(USAGE)).selectByValue("3");
        for (String mode : new String[] {"PSK", "RPK", "NO_SEC"}) {
            new Select(browser.shown("#bs-sec-0-mode")).selectByValue(mode);
            browser.await("no usage select for " + mode, d -> d.findElements(By.cssSelector(USAGE)).isEmpty());
        }
        new Select(browser.shown("#bs-sec-0-mode")).selectByValue("X509");
        awaitUsage("3");
        assertThat(browser.shown("#bs-sec-0-certificate-hint").getText()).contains("A key is stored");

        new Select(browser.shown("#bs-sec-0-mode")).selectByValue("PSK");
        assertThat(browser.shown("#bs-sec-0-key-hint").getText())
                .as("the stored X.509 keys are no PSK key to keep").doesNotContain("stored").contains("Hex");
        browser.type("#bs-sec-0-identity", EP + "-id");
        browser.type("#bs-sec-0-key", "00112233445566778899aabbccddeeff");
        browser.click("[data-op='save-config']");
        browser.text(".saved", "Saved the configuration of " + EP);
        assertThat(browser.driver.findElements(By.cssSelector(".problem"))).as("nothing refused").isEmpty();
        JsonNode security = storedSecurity();
        assertThat(security.path("mode").asText()).isEqualTo("PSK");
        assertThat(security.path("identity").asText()).isEqualTo(EP + "-id");
        assertThat(security.has("certificateUsage")).as("%s", security).isFalse();
        assertThat(browser.driver.findElements(By.cssSelector(USAGE))).isEmpty();
    }

    @Test
    @Order(4)
    void leaving_the_page_while_a_save_is_under_way_does_not_send_the_person_back() {
        browser.open(server.url() + "/#/bootstrap/" + EP);
        browser.await("the stored PSK account is loaded", d -> EP.concat("-id").equals(
                d.findElement(By.id("bs-sec-0-identity")).getDomProperty("value")) ? true : null);
        Map<String, Object> slow = Map.of("offline", false, "latency", 1500, "downloadThroughput", -1,
                "uploadThroughput", -1);
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.emulateNetworkConditions", slow);
        try {
            browser.click("[data-op='save-config']");
            browser.text(".saved", "Saved the configuration of " + EP);
            browser.open(server.url() + "/#/bootstrap/new");
            browser.shown("[data-op='save-config'][aria-busy='false']");
        } finally {
            browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                    "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
        assertThat(browser.driver.executeScript("return location.hash;")).isEqualTo("#/bootstrap/new");
        browser.shown("#bs-endpoint");
        assertThat(browser.driver.findElements(By.cssSelector(".saved"))).as("no message about another page")
                .isEmpty();
    }

    @Test
    @Order(5)
    void a_refused_x509_account_is_shown_at_the_field_the_server_names_and_the_chosen_usage_stays() throws Exception {
        String ep = EP + "-refused";
        browser.open(server.url() + "/#/bootstrap/new");
        browser.type("#bs-endpoint", ep);
        browser.type("#bs-sec-0-uri", "coaps://127.0.0.1:" + server.coaps().getPort());
        new Select(browser.shown("#bs-sec-0-mode")).selectByValue("X509");
        new Select(browser.shown(USAGE)).selectByValue("1");
        browser.type("#bs-sec-0-certificate", "this is not a certificate!");
        browser.click("[data-op='save-config']");

        browser.text(".problem[data-refusal='securities[0].certificate']", "security 1, certificate");
        WebElement marked = browser.shown("#bs-sec-0-certificate");
        assertThat(marked.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.shown("#bs-sec-0-certificate-error").getText()).contains("PEM, base64 or hex");
        assertThat(selectedUsage()).as("the chosen usage stays for the next try").isEqualTo("1");
        assertThat(get("/api/v1/bootstrap/configs/" + ep).statusCode()).as("nothing stored").isEqualTo(404);
        browser.screenshot("bootstrap-x509-refused");
    }

    private String selectedUsage() {
        return browser.shown(USAGE).getDomProperty("value");
    }

    private void awaitUsage(String value) {
        browser.await("the usage select shows '" + value + "'", d -> d.findElements(By.cssSelector(USAGE)).stream()
                .anyMatch(e -> value.equals(e.getDomProperty("value"))) ? true : null);
    }

    /** The configuration's first Security entry as the HTTP API answers it. */
    private JsonNode storedSecurity() throws Exception {
        HttpResponse<String> r = get("/api/v1/bootstrap/configs/" + EP);
        assertThat(r.statusCode()).as("%s", r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("securities").get(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
