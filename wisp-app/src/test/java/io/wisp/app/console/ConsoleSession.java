package io.wisp.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One person's session with the console, shared by the browser tests: a server as {@code wisp server} runs it, one
 * headless Chromium for all the ordered steps of a class, a screenshot of the page when a step fails, and no
 * severe error in the browser's console after any step. A step that needs a device starts one into {@link #device};
 * it is closed with the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ConsoleSession {
    ConsoleServer server;
    Browser browser;
    TestDevice device;

    /** A screenshot of the page as it was when a step failed, next to the others. */
    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    void start() {
        Browser.assumeInstalled();
        server = ConsoleServer.start();
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (device != null) {
            device.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void no_script_errors() {
        assertThat(browser.severeLogs()).as("errors in the browser console").isEmpty();
    }
}
