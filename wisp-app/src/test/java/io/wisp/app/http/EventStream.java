package io.wisp.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * An open {@code GET /api/v1/events} stream read as a browser's EventSource would: lines {@code event:},
 * {@code id:}, {@code data:}, a blank line ending each event, {@code :} starting a comment.
 */
final class EventStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event. */
    record Event(String name, String id, JsonNode data) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    final HttpResponse<InputStream> response;
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream (with {@code query}, e.g. {@code ?endpoint=a}) and waits until the server subscribed it. */
    static EventStream open(Http http, String query) throws Exception {
        HttpResponse<InputStream> r = http.client().send(http.request("/api/v1/events" + query)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        EventStream stream = new EventStream(r);
        if (r.statusCode() == 200) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stream.comments.contains("subscribed"));
        }
        return stream;
    }

    /** Waits for the first event named {@code name} whose data matches. */
    Event await(String name, Predicate<JsonNode> matches) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> events.stream().filter(e -> e.name().equals(name) && matches.test(e.data())).findFirst()
                        .orElse(null), e -> e != null);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null;) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, id, JSON.readTree(data.toString())));
                    }
                    name = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // the test closed the stream
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
