package io.wisp.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.client.WispClient;
import io.wisp.client.bootstrap.BootstrapSettings;
import io.wisp.client.engine.RetryPolicy;
import io.wisp.transport.PeerIdentity;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's operator screens in a real headless Chromium against what {@code wisp server} runs (with its
 * Bootstrap-Server): a bootstrap configuration refused with the field marked, fixed, saved, listed, reloaded and
 * edited, then used by a real client whose session appears live; a default configuration; DTLS credentials added in
 * all three modes and removed, the key never reaching the page, and a Leshan client registering over DTLS with PSK
 * credentials added in the page, listed as PSK; a composite read and observation of two resources of a Leshan
 * client; an object made in the editor added to the server's models and listed; the new screens at phone width.
 * Keyboard: forms run with Enter. Screenshots go to {@code target/screenshots}.
 */
class ConsoleAdminBrowserTest extends ConsoleSession {
    private static final String EP = "console-admin-dev";
    private static final String BS_EP = "console-bs-dev";
    private static final String PSK_KEY = "c0ffee00deadbeef0123456789abcdef";

    @Test
    @Order(1)
    void a_bootstrap_configuration_is_refused_fixed_saved_listed_and_reloaded() {
        browser.open(server.url() + "/#/bootstrap");
        browser.text("h1", "Bootstrap");
        browser.text(".empty", "No configuration yet");
        browser.click("[data-op='new-config']");
        browser.shown("#bs-endpoint");

        browser.type("#bs-endpoint", BS_EP);
        browser.type("#bs-sec-0-uri", "coap://127.0.0.1:" + server.coap().getPort());
        browser.type("#bs-sec-0-ssid", "1");
        browser.type("#bs-srv-0-ssid", "2");
        browser.click("[data-op='save-config']");

        browser.text(".problem[data-refusal='servers[0].shortServerId']", "server 1, short server id");
        WebElement marked = browser.shown("input[data-field='servers[0].shortServerId']");
        assertThat(marked.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(server.bootstrap.configs().get(BS_EP)).as("nothing stored").isEmpty();
        browser.screenshot("bootstrap-error");

        browser.type("#bs-srv-0-ssid", "1");
        browser.shown("#bs-srv-0-lifetime").sendKeys(Keys.ENTER);
        browser.text(".saved", "Created the configuration of " + BS_EP);
        BootstrapConfig stored = server.bootstrap.configs().get(BS_EP).orElseThrow();
        assertThat(stored.servers().get(0).shortServerId()).isEqualTo(1);

        browser.open(server.url() + "/#/bootstrap");
        browser.text("tr[data-endpoint='" + BS_EP + "']", "#1 300 s U");
        browser.screenshot("bootstrap");

        browser.click("tr[data-endpoint='" + BS_EP + "'] a");
        browser.driver.navigate().refresh();
        browser.await("the stored lifetime is loaded", d -> "300".equals(
                d.findElement(By.id("bs-srv-0-lifetime")).getDomProperty("value")) ? true : null);
        browser.type("#bs-srv-0-lifetime", "600");
        browser.click("[data-op='save-config']");
        browser.text(".saved", "Saved the configuration of " + BS_EP);
        assertThat(server.bootstrap.configs().get(BS_EP).orElseThrow().servers().get(0).lifetime()).isEqualTo(600);
    }

    @Test
    @Order(2)
    void a_default_configuration_is_set_for_endpoints_without_their_own() {
        browser.open(server.url() + "/#/bootstrap");
        browser.shown("small[data-default='none']");
        browser.click("[data-op='default-config']");
        browser.text("nav[aria-label='Breadcrumb']", "Default configuration");
        browser.type("#bs-srv-0-binding", "UQ");
        browser.click("[data-op='save-config']");

        browser.text(".saved", "Set the default configuration");
        assertThat(server.bootstrap.configs().lookup("any-other-device")).hasValueSatisfying(c ->
                assertThat(c.servers().get(0).binding()).isEqualTo("UQ"));
        browser.open(server.url() + "/#/bootstrap");
        browser.shown("small[data-default='set']");
    }

    @Test
    @Order(3)
    void a_client_bootstrap_appears_in_the_sessions_live() throws Exception {
        browser.open(server.url() + "/#/bootstrap");
        browser.shown(".live.on");
        try (WispClient client = WispClient.builder(BS_EP).bindAddress(InetAddress.getByName("127.0.0.1"))
                .requestTimeout(Duration.ofSeconds(5)).bootstrapServer(server.bootstrap.localAddress())
                .bootstrap(BootstrapSettings.DEFAULT.withSessionTimeout(Duration.ofSeconds(10))
                        .withRetry(new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1), 1))).build()) {
            client.start();
            WebElement row = browser.shown("tr[data-endpoint='" + BS_EP + "'][data-outcome='FINISHED']");
            assertThat(row.getText()).contains("finished", "client initiated");
            browser.screenshot("bootstrap-sessions");
            browser.await("the client registers with the server it was given",
                    d -> server.server.registrations().byEndpoint(BS_EP).isPresent() ? true : null);
        }
    }

    @Test
    @Order(4)
    void credentials_are_added_in_three_modes_and_removed_and_the_key_never_reaches_the_page() throws Exception {
        browser.open(server.url() + "/#/security");
        browser.text("h1", "Security");
        browser.text(".empty", "No endpoint has credentials");
        assertThat(browser.driver.findElements(By.cssSelector("main > *"))).as("only the security page is shown")
                .extracting(WebElement::getTagName).containsExactly("wisp-security");

        browser.type("#sec-endpoint", "sec-psk");
        browser.type("#sec-identity", "sec-psk-id");
        browser.type("#sec-key", PSK_KEY);
        browser.shown("#sec-key").sendKeys(Keys.ENTER);
        browser.text("tr[data-endpoint='sec-psk']", "sec-psk-id");
        assertThat(server.server.securityStore().byIdentity(PeerIdentity.psk("sec-psk-id"))).isPresent();
        assertThat(browser.shown("#sec-key").getDomProperty("value")).as("the key field is emptied").isEmpty();

        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        new Select(browser.shown("#sec-mode")).selectByValue("RPK");
        browser.type("#sec-endpoint", "sec-rpk");
        browser.type("#sec-public-key", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        browser.click("[data-op='add-credentials']");
        browser.text("tr[data-endpoint='sec-rpk']", PeerIdentity.rpk(pair.getPublic()).name());

        new Select(browser.shown("#sec-mode")).selectByValue("X509");
        browser.type("#sec-endpoint", "sec-x509");
        browser.click("[data-op='add-credentials']");
        browser.text("tr[data-endpoint='sec-x509']", "X509");
        browser.screenshot("security");
        assertThat(browser.driver.getPageSource()).doesNotContainIgnoringCase(PSK_KEY);

        browser.click("tr[data-endpoint='sec-psk'] [data-op='remove']");
        browser.click("tr[data-endpoint='sec-psk'] [data-op='confirm-remove']");
        browser.await("the PSK row leaves the list", d -> d.findElements(
                By.cssSelector("tr[data-endpoint='sec-psk']")).isEmpty() ? true : null);
        assertThat(server.server.securityStore().byEndpoint("sec-psk")).isEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContainIgnoringCase(PSK_KEY);
    }

    @Test
    @Order(5)
    void a_client_with_credentials_added_here_registers_over_dtls_and_is_listed_as_psk() {
        String ep = "console-psk-dev";
        browser.open(server.url() + "/#/security");
        new Select(browser.shown("#sec-mode")).selectByValue("PSK");
        browser.type("#sec-endpoint", ep);
        browser.type("#sec-identity", ep + "-id");
        browser.type("#sec-key", PSK_KEY);
        browser.click("[data-op='add-credentials']");
        browser.text("tr[data-endpoint='" + ep + "']", ep + "-id");

        try (TestDevice secured = TestDevice.startPsk(ep, server.coaps(), ep + "-id",
                java.util.HexFormat.of().parseHex(PSK_KEY))) {
            browser.open(server.url() + "/#/clients");
            browser.text("tr[data-endpoint='" + ep + "']", "PSK");
            browser.screenshot("clients-psk");
        }
        assertThat(browser.driver.getPageSource()).doesNotContainIgnoringCase(PSK_KEY);
    }

    @Test
    @Order(6)
    void a_composite_read_and_observation_cover_two_resources() {
        device = TestDevice.start(EP, server.coap());
        browser.open(server.url() + "/#/clients");
        browser.text("tr[data-endpoint='" + EP + "']", "NoSec");
        browser.click("tr[data-endpoint='" + EP + "'] a");
        browser.text("h1", EP);

        browser.click("input[data-composite-path='/3/0/0']");
        browser.click("input[data-composite-path='/3/0/9']");
        browser.text(".composite", "/3/0/9");
        browser.shown("[data-op='read-composite']").sendKeys(Keys.ENTER);

        browser.text(".composite-outcome", "Read-Composite of 2 paths: 2.05 Content");
        browser.text(".composite-outcome", "/3/0/0 = " + TestDevice.MANUFACTURER);
        browser.text("[data-value-path='/3/0/0']", TestDevice.MANUFACTURER);
        browser.text("[data-value-path='/3/0/9']", "80");
        browser.screenshot("client-composite");

        browser.click("[data-op='observe-composite']");
        browser.text(".composite-outcome", "Observe-Composite of 2 paths: 2.05 Content");
        browser.text(".observations", "(composite)");
        device.device.set(9, 42L);
        browser.text("[data-value-path='/3/0/9']", "42");
    }

    @Test
    @Order(7)
    void an_object_made_in_the_editor_joins_the_servers_models() {
        browser.open(server.url() + "/#/editor");
        browser.text("h1", "Object editor");
        browser.type("#obj-id", "33010");
        browser.type("#obj-name", "Window Sensor");
        browser.type("#obj-description", "Reports whether a window is open.");
        browser.click("[data-op='suggest-urn']");
        String resource = "fieldset.resource[data-resource='0'] ";
        browser.type(resource + "input[id$='-name']", "Open");
        new Select(browser.shown(resource + "select[id$='-type']")).selectByValue("BOOLEAN");
        browser.await("the validator finds no error", d -> "0".equals(
                d.findElement(By.cssSelector(".findings")).getDomAttribute("data-errors")) ? true : null);

        browser.click("[data-op='upload']");
        browser.text(".uploaded", "Added to the server's models");
        assertThat(server.server.models().find(33010)).isPresent();

        browser.open(server.url() + "/#/objects");
        browser.type("#object-search", "33010");
        WebElement row = browser.text("table tbody tr", "Window Sensor");
        assertThat(row.getText()).contains("upload:33010.xml");
        browser.screenshot("objects-uploaded");
    }

    @Test
    @Order(8)
    void at_phone_width_the_operator_screens_do_not_scroll_sideways() {
        browser.size(390, 844);
        try {
            browser.open(server.url() + "/#/bootstrap/" + BS_EP);
            browser.shown("#bs-srv-0-lifetime");
            browser.screenshot("bootstrap-phone");
            assertNoSidewaysScroll();
            browser.open(server.url() + "/#/security");
            browser.shown("tr[data-endpoint='sec-rpk']");
            browser.screenshot("security-phone");
            assertNoSidewaysScroll();
        } finally {
            browser.size(1280, 800);
        }
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("pixels the page scrolls sideways").isLessThanOrEqualTo(0);
    }
}
