package io.wisp.app.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

/**
 * The web console, served by the same Javalin instance as the HTTP API: the page at {@code /}, its ES modules and
 * styles under {@code /console/} (class path {@code /console}), and the third-party libraries (Lit, Pico CSS,
 * Chart.js) from their webjars under {@code /webjars/}. Nothing is built with Node: the page carries an import map
 * that points the bare module names ({@code lit}, {@code chart.js}...) at the webjar files, with the versions the
 * class path holds, so the versions are pinned in one place, the POM. The console only calls the public API.
 */
public final class Console {
    /** Where the console's own files are, on the class path and in URLs. */
    static final String FILES = "/console";
    private static final String PAGE = "index.html";
    private static final String IMPORT_MAP_MARK = "@IMPORT_MAP@";
    private static final String PICO_MARK = "@PICO_CSS@";

    private Console() {
    }

    /** Serves the console from {@code config}'s server: the page, its files and the webjars. */
    public static void install(JavalinConfig config) {
        WebJarVersionLocator webjars = new WebJarVersionLocator();
        byte[] page = page(Map.of(IMPORT_MAP_MARK, importMap(webjars),
                PICO_MARK, base(webjars, "picocss__pico") + "css/pico.min.css"));
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = FILES;
            files.directory = FILES;
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "no-cache");
        });
        config.routes.get("/", ctx -> ctx.header("Cache-Control", "no-cache")
                .contentType("text/html; charset=utf-8").result(page));
    }

    /**
     * Whether a request path is part of the console's code (the page, its files, the webjars): public, like any web
     * application's code; the data it shows comes from the API, which keeps its own authentication.
     */
    public static boolean isConsoleFile(String path) {
        return path.equals("/") || path.startsWith(FILES + "/") || path.startsWith("/webjars/");
    }

    /** The import map: bare specifiers to webjar URLs, the versions read from the webjars on the class path. */
    static String importMap(WebJarVersionLocator webjars) {
        String lit = base(webjars, "lit");
        String litHtml = base(webjars, "lit-html");
        String litElement = base(webjars, "lit-element");
        String reactive = base(webjars, "lit__reactive-element");
        String chart = base(webjars, "chart.js");
        Map<String, String> imports = new LinkedHashMap<>();
        imports.put("lit", lit + "index.js");
        imports.put("lit/", lit);
        imports.put("lit-html", litHtml + "lit-html.js");
        imports.put("lit-html/", litHtml);
        imports.put("lit-element", litElement + "index.js");
        imports.put("lit-element/", litElement);
        imports.put("@lit/reactive-element", reactive + "reactive-element.js");
        imports.put("@lit/reactive-element/", reactive);
        imports.put("chart.js", chart + "dist/chart.js");
        imports.put("chart.js/", chart);
        imports.put("@kurkle/color", base(webjars, "kurkle__color") + "dist/color.esm.js");
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("imports", imports));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    /** The URL directory of a webjar, e.g. {@code /webjars/lit/3.3.2/}. */
    private static String base(WebJarVersionLocator webjars, String name) {
        String version = webjars.version(name);
        if (version == null) {
            throw new IllegalStateException("the webjar '" + name + "' is not on the class path; the console needs it");
        }
        return "/webjars/" + name + "/" + version + "/";
    }

    /** The page with each mark replaced by its text. */
    private static byte[] page(Map<String, String> marks) {
        try (InputStream in = Console.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the class path next to " + Console.class);
            }
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> mark : marks.entrySet()) {
                if (!page.contains(mark.getKey())) {
                    throw new IllegalStateException(PAGE + " lacks the " + mark.getKey() + " mark");
                }
                page = page.replace(mark.getKey(), mark.getValue());
            }
            return page.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
