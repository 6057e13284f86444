package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BootstrapConfigDocumentsTest extends DatabaseTest {
    private static final String CONFIG = "{\"servers\":[{\"shortId\":1,\"uri\":\"coap://127.0.0.1:5683\"}]}";

    @Test
    void configurations_and_the_default_come_back_after_a_restart_with_their_revisions() {
        ConfigDocument first = db.bootstrapConfigs().put("dev-1", CONFIG);
        clock.advance(Duration.ofSeconds(5));
        ConfigDocument second = db.bootstrapConfigs().put("dev-1", "{\"servers\":[]}");
        ConfigDocument other = db.bootstrapConfigs().put("dev-0", CONFIG);
        ConfigDocument fallback = db.bootstrapConfigs().putDefault("{\"servers\":[{\"shortId\":9}]}");
        assertThat(first.revision()).isEqualTo(1);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.updatedAt()).isEqualTo(clock.instant());

        reopen();

        assertThat(db.bootstrapConfigs().get("dev-1")).contains(second);
        assertThat(db.bootstrapConfigs().defaultConfig()).contains(fallback);
        assertThat(db.bootstrapConfigs().defaultConfig().orElseThrow().endpointName()).isEmpty();
        assertThat(db.bootstrapConfigs().all()).containsExactly(other, second);
    }

    @Test
    void a_save_expecting_an_older_revision_is_refused() {
        db.bootstrapConfigs().put("dev", CONFIG);
        db.bootstrapConfigs().put("dev", CONFIG);

        assertThat(db.bootstrapConfigs().putIfRevision("dev", "{}", 1)).isEmpty();
        assertThat(db.bootstrapConfigs().get("dev").orElseThrow().json()).isEqualTo(CONFIG);
        assertThat(db.bootstrapConfigs().putIfRevision("dev", "{}", 2)).map(ConfigDocument::revision).contains(3L);
        assertThat(db.bootstrapConfigs().putIfRevision("new", "{}", 1)).isEmpty();
        assertThat(db.bootstrapConfigs().putIfRevision("new", "{}", 0)).map(ConfigDocument::revision).contains(1L);
    }

    @Test
    void removing_a_configuration_leaves_the_default_and_the_others() {
        db.bootstrapConfigs().put("dev", CONFIG);
        db.bootstrapConfigs().put("other", CONFIG);
        db.bootstrapConfigs().putDefault(CONFIG);

        assertThat(db.bootstrapConfigs().remove("dev")).isTrue();
        assertThat(db.bootstrapConfigs().remove("dev")).isFalse();
        assertThat(db.bootstrapConfigs().get("dev")).isEmpty();
        assertThat(db.bootstrapConfigs().defaultConfig()).isPresent();
        assertThat(db.bootstrapConfigs().removeDefault()).isTrue();
        assertThat(db.bootstrapConfigs().defaultConfig()).isEmpty();
        assertThat(db.bootstrapConfigs().all()).extracting(ConfigDocument::endpoint).containsExactly("other");
    }

    @Test
    void a_document_that_is_not_a_json_object_is_refused_naming_where() {
        assertThatThrownBy(() -> db.bootstrapConfigs().put("dev", "{\"servers\": [1,}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1, column");
        assertThatThrownBy(() -> db.bootstrapConfigs().put("dev", "[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object")
                .hasMessageContaining("array");
        assertThatThrownBy(() -> db.bootstrapConfigs().put("", CONFIG)).hasMessageContaining("endpoint");
        assertThat(db.bootstrapConfigs().get("dev")).isEmpty();
    }

    @Test
    void the_document_stays_out_of_to_string() {
        ConfigDocument saved = db.bootstrapConfigs().put("dev", "{\"psk\":\"c2VjcmV0\"}");
        assertThat(saved.toString()).contains("dev", "revision 1").doesNotContain("c2VjcmV0");
    }
}
