package io.wisp.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ddf.DdfReadResult;
import io.wisp.core.model.ddf.DdfReader;
import io.wisp.core.model.validate.Finding;
import io.wisp.core.model.validate.ObjectValidator;
import io.wisp.core.node.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium against what {@code wisp server} runs (ephemeral loopback ports) and a
 * Leshan client: the client appears live; Read, Write (with a typed value refused before sending), Execute and
 * Observe on the Device object {@code /3/0} and on a temperature sensor; the plot grows with notifications; a device
 * error shown in plain words with its LwM2M code; an object made in the editor, refused by the validator, fixed and
 * downloaded as valid DDF XML; a sleeping client's queued request going out when it wakes up; the layout at phone
 * width. The bootstrap, security, composite and upload screens are {@link ConsoleAdminBrowserTest}'s. One browser
 * and one server serve the ordered steps, which build on each other as a person's session would. Screenshots go to
 * {@code target/screenshots}.
 */
class ConsoleBrowserTest extends ConsoleSession {
    private static final String EP = "console-dev";

    @Test
    @Order(1)
    void a_client_appears_in_the_list_as_it_registers() {
        browser.open(server.url() + "/");
        browser.shown(".live.on");
        browser.text("#client-count", "0 registered");

        device = TestDevice.start(EP, server.coap());

        WebElement row = browser.shown("tr[data-endpoint='" + EP + "']");
        assertThat(row.getText()).contains(EP, "Awake", "1.1", "U");
        browser.text("#client-count", "1 registered");
        browser.screenshot("clients");

        browser.type("#client-search", "no-such-device");
        browser.text(".empty", "No endpoint matches");
        browser.type("#client-search", "console");
        browser.shown("tr[data-endpoint='" + EP + "']");
    }

    @Test
    @Order(2)
    void read_write_and_execute_on_the_device_object() {
        browser.click("tr[data-endpoint='" + EP + "'] a");
        browser.text("h1", EP);

        select("/3/0");
        WebElement read = browser.shown("[data-op='read']");
        read.sendKeys(Keys.ENTER);
        browser.text(".outcome", "Read /3/0: 2.05 Content");
        browser.text("[data-value-path='/3/0/0']", TestDevice.MANUFACTURER);
        browser.text("[data-value-path='/3/0/9']", "80");

        select("/3/0/13");
        browser.type(".op-form input", "soon");
        browser.click("[data-op='write']");
        browser.text(".field-error", "Enter a time");
        assertThat(browser.driver.findElements(By.cssSelector(".outcome"))).isEmpty();

        select("/3/0/14");
        browser.type(".op-form input", "+05");
        browser.click("[data-op='write']");
        browser.text(".outcome", "Write /3/0/14: 2.04 Changed");
        assertThat(device.device.value(14)).isEqualTo("+05");
        browser.text("[data-value-path='/3/0/14']", "+05");

        select("/3/0/4");
        browser.type("input[id$='-args']", "now");
        browser.click("[data-op='execute']");
        browser.text(".field-error", "Write arguments as digit");
        browser.type("input[id$='-args']", "0='now',1");
        browser.click("[data-op='execute']");
        browser.text(".outcome", "Execute /3/0/4: 2.04 Changed");
        assertThat(device.device.executions).containsExactly("4:0='now',1");
        browser.text(".log", "execute /3/0/4: 2.04 Changed");
    }

    @Test
    @Order(3)
    void typed_input_is_checked_against_type_and_range_in_the_browser() {
        String range0to100 = "{kind: 'numbers', text: '0..100', entries: [{min: '0', max: '100', label: ''}]}";
        assertThat(parse("INTEGER", "42", range0to100)).isEqualTo("ok 42");
        assertThat(parse("INTEGER", "101", range0to100)).isEqualTo("error 101 is outside the allowed values 0..100.");
        assertThat(parse("INTEGER", "9223372036854775807", "null")).as("exact, not rounded to a double")
                .isEqualTo("ok 9223372036854775807");
        assertThat(parse("INTEGER", "9223372036854775808", "null")).startsWith("error 9223372036854775808 is outside");
        assertThat(parse("UNSIGNED_INTEGER", "18446744073709551615", "null")).isEqualTo("ok 18446744073709551615");
        assertThat(parse("UNSIGNED_INTEGER", "-1", "null")).startsWith("error");
        assertThat(parse("FLOAT", "-2.5e3", "null")).isEqualTo("ok -2500");
        assertThat(parse("FLOAT", "warm", "null")).startsWith("error Enter a number");
        assertThat(parse("BOOLEAN", "yes", "null")).isEqualTo("error Choose true or false.");
        assertThat(parse("STRING", "Q", "{kind: 'strings', text: '\"U\", \"Q\"', values: ['U', 'Q']}"))
                .isEqualTo("ok \"Q\"");
        assertThat(parse("STRING", "X", "{kind: 'strings', text: '\"U\", \"Q\"', values: ['U', 'Q']}"))
                .startsWith("error Choose one of");
        assertThat(parse("OPAQUE", "AQID", "{kind: 'lengths', text: '3', entries: [{min: '3', max: '3'}]}"))
                .isEqualTo("ok \"AQID\"");
        assertThat(parse("OPAQUE", "AQIDBA==", "{kind: 'lengths', text: '3', entries: [{min: '3', max: '3'}]}"))
                .startsWith("error 4 bytes");
        assertThat(parse("OBJLNK", "3:0", "null")).isEqualTo("ok \"3:0\"");
        assertThat(parse("OBJLNK", "3:70000", "null")).startsWith("error");
        assertThat(parse("TIME", "2026-01-05T10:00:00Z", "null")).isEqualTo("ok \"2026-01-05T10:00:00Z\"");
        assertThat(parse("TIME", "1700000000", "null")).isEqualTo("ok 1700000000");
    }

    @Test
    @Order(4)
    void a_device_error_is_shown_in_plain_words_with_its_code() {
        select("/3");
        browser.shown("details.op-form summary").click();
        browser.type("details.op-form[open] input[inputmode='numeric']", "0");
        browser.click("[data-op='create']");

        WebElement problem = browser.text(".problem", "LwM2M 4.00 Bad Request");
        assertThat(problem.getText()).contains("The device refused: the device could not understand the request.");
    }

    @Test
    @Order(5)
    void observing_shows_live_values_and_the_plot_grows_with_each_notification() {
        select("/3/0/9");
        browser.click("[data-op='observe']");
        browser.text(".outcome", "Observe /3/0/9: 2.05 Content");
        browser.shown(".node-facts .observed");
        browser.text("figure.plot figcaption", "no values yet");

        device.device.set(9, 55L);
        browser.text("[data-value-path='/3/0/9']", "55");
        awaitPoints(1);
        device.device.set(9, 54L);
        browser.text("[data-value-path='/3/0/9']", "54");
        awaitPoints(2);
        device.device.set(9, 52L);
        awaitPoints(3);
        browser.text("figure.plot figcaption", "3 values");
        browser.screenshot("client-observe-plot");

        browser.click("[data-op='cancel-observe']");
        browser.text(".outcome", "Cancel observation /3/0/9: 2.05 Content");
        browser.shown("[data-op='observe']");
    }

    @Test
    @Order(6)
    void observing_a_sensor_resource_follows_its_value() {
        select("/3303/0/5700");
        browser.click("[data-op='observe']");
        browser.text(".outcome", "Observe /3303/0/5700: 2.05 Content");
        browser.text("[data-value-path='/3303/0/5700']", "21.5");

        device.sensor.set(5700, 23.25);
        browser.text("[data-value-path='/3303/0/5700']", "23.25");
        awaitPoints(1);
        browser.text(".observations", "/3303/0/5700");
    }

    @Test
    @Order(7)
    void discover_write_attributes_create_and_delete() {
        select("/3303/0/5700");
        browser.shown("details.op-form summary").click();
        browser.type("details.op-form[open] input[id$='-pmin']", "1");
        browser.type("details.op-form[open] input[id$='-pmax']", "x");
        browser.click("[data-op='write-attributes']");
        browser.text(".field-error", "pmax must be a number");
        browser.type("details.op-form[open] input[id$='-pmax']", "60");
        browser.click("[data-op='write-attributes']");
        browser.text(".outcome", "Write-Attributes /3303/0/5700: 2.04 Changed");
        browser.click("[data-op='discover']");
        browser.text(".outcome", "Discover /3303/0/5700: 2.05 Content");
        browser.text(".outcome .links", "pmin=1");

        select("/3303");
        browser.shown("details.op-form summary").click();
        browser.type("details.op-form[open] input[inputmode='numeric']", "1");
        browser.type("details.op-form[open] input[id$='-5750']", "lab");
        browser.click("[data-op='create']");
        browser.text(".outcome", "Create /3303: 2.01 Created");
        browser.text(".outcome", "New instance /3303/1.");

        select("/3303/1");
        browser.click("[data-op='read']");
        browser.text("[data-value-path='/3303/1/5750']", "lab");
        browser.click("[data-op='delete']");
        browser.text("[data-op='delete']", "Confirm: delete /3303/1");
        browser.click("[data-op='delete']");
        browser.text(".outcome", "Delete /3303/1: 2.02 Deleted");
        browser.await("/3303/1 leaves the object tree", d -> d.findElements(
                By.cssSelector("button.node[data-path='/3303/1']")).isEmpty() ? true : null);
    }

    @Test
    @Order(8)
    void an_object_made_in_the_editor_is_checked_fixed_and_downloaded_as_valid_ddf() throws Exception {
        browser.open(server.url() + "/#/objects/3303");
        browser.text("table", "Sensor Value");
        browser.click("a[href^='#/editor/3303']");
        browser.await("the editor holds a copy of object 3303", d -> "Temperature".equals(
                d.findElement(By.id("obj-name")).getDomProperty("value")) ? true : null);
        browser.await("the copy holds resource 5700", d -> d.findElements(By.cssSelector(
                "fieldset.resource input[id$='-name']")).stream()
                .anyMatch(e -> "Sensor Value".equals(e.getDomProperty("value"))) ? true : null);
        browser.shown(".findings p");

        browser.open(server.url() + "/#/objects");
        browser.text("table", "Temperature");
        browser.screenshot("objects");
        browser.click("[data-op='new-object']");
        browser.text("h1", "Object editor");

        browser.type("#obj-id", "33001");
        browser.type("#obj-name", "Door Sensor");
        browser.type("#obj-description", "Reports whether a door is open.");
        browser.click("[data-op='suggest-urn']");
        String resource = "fieldset.resource[data-resource='0'] ";
        browser.type(resource + "input[id$='-name']", "Open");
        new Select(browser.shown(resource + "select[id$='-type']")).selectByValue("NONE");

        browser.shown(".finding.error[data-rule='resource.type.missing']");
        assertThat(browser.shown("[data-op='download']").isEnabled()).isFalse();
        browser.screenshot("editor-error");

        new Select(browser.shown(resource + "select[id$='-type']")).selectByValue("BOOLEAN");
        browser.await("the validator finds no error", d -> "0".equals(
                d.findElement(By.cssSelector(".findings")).getDomAttribute("data-errors")) ? true : null);
        assertThat(browser.driver.findElements(By.cssSelector(".finding.error"))).isEmpty();
        browser.text(".ddf-preview", "<Name>Door Sensor</Name>");
        browser.click("[data-op='download']");

        Path file = browser.downloads.resolve("33001.xml");
        browser.await("the download of 33001.xml", d -> Files.isRegularFile(file) ? true : null);
        byte[] xml = Files.readAllBytes(file);
        List<Finding> findings = ObjectValidator.validateXml(xml, file.toString());
        assertThat(findings).noneMatch(Finding::isError);
        DdfReadResult read = DdfReader.read(xml, file.toString());
        assertThat(read.problems()).isEmpty();
        ObjectModel model = read.models().get(0);
        assertThat(model.id()).isEqualTo(33001);
        assertThat(model.name()).isEqualTo("Door Sensor");
        assertThat(model.urn()).isEqualTo("urn:oma:lwm2m:x:33001");
        assertThat(model.resource(0).name()).isEqualTo("Open");
        assertThat(model.resource(0).type()).isEqualTo(DataType.BOOLEAN);
        browser.screenshot("editor-valid");
    }

    @Test
    @Order(9)
    void a_sleeping_client_gets_its_queued_request_when_it_wakes_up() {
        String sleepy = "console-sleepy";
        browser.open(server.url() + "/#/clients");
        try (TestDevice queued = TestDevice.start(sleepy, server.coap(), true)) {
            browser.text("tr[data-endpoint='" + sleepy + "']", "Sleeping");
            browser.click("tr[data-endpoint='" + sleepy + "'] a");
            browser.text("hgroup", "Sleeping");

            select("/3/0/0");
            browser.click("[data-op='read']");
            browser.text(".outcome", "Read /3/0/0: queued");
            browser.text(".queue", "ReadRequest");
            browser.screenshot("client-queue");

            queued.wakeUp();
            browser.text(".log", "read /3/0/0: 2.05 Content (was queued)");
            browser.text("[data-value-path='/3/0/0']", TestDevice.MANUFACTURER);
            browser.text("section[aria-labelledby='queue-title']", "Nothing waits");
        }
    }

    @Test
    @Order(10)
    void at_phone_width_the_page_does_not_scroll_sideways() {
        browser.size(390, 844);
        try {
            browser.open(server.url() + "/#/clients");
            browser.shown("tr[data-endpoint='" + EP + "']");
            browser.screenshot("clients-phone");
            assertNoSidewaysScroll();

            browser.open(server.url() + "/#/clients/" + EP);
            select("/3/0/9");
            browser.shown("[data-op='read']");
            browser.screenshot("client-phone");
            assertNoSidewaysScroll();
        } finally {
            browser.size(1280, 800);
        }
    }

    /** What the console's typed-input check says: "ok <JSON>" or "error <message>". */
    private String parse(String type, String text, String range) {
        Object out = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/console/values.js').then((m) => { const r = m.parseValue(arguments[0], arguments[1], "
                + range + "); done(r.ok ? 'ok ' + r.json : 'error ' + r.error); });", type, text);
        return String.valueOf(out);
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("pixels the page scrolls sideways").isLessThanOrEqualTo(0);
    }

    /** Selects a node of the object tree and waits for its operations panel. */
    private void select(String path) {
        browser.click("button.node[data-path='" + path + "']");
        browser.text(".node-facts", path);
    }

    private void awaitPoints(int atLeast) {
        browser.await("the plot holds " + atLeast + " values", d -> {
            String n = d.findElement(By.cssSelector("figure.plot")).getDomAttribute("data-points");
            return n != null && Integer.parseInt(n) >= atLeast ? true : null;
        });
    }
}
