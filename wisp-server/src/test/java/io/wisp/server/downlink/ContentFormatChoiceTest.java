package io.wisp.server.downlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default format follows the client's version, among the formats it announced (Core TS §7.4, §6.2.1). */
class ContentFormatChoiceTest {
    private static final List<ContentFormat> ALL = List.of(ContentFormat.TEXT, ContentFormat.TLV, ContentFormat.JSON,
            ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR, ContentFormat.LWM2M_CBOR);

    @ParameterizedTest
    @CsvSource({"1.0, TLV", "1.1, SENML_CBOR", "1.2, LWM2M_CBOR"})
    void a_client_that_announced_everything_gets_its_versions_format(String version, String format) {
        assertThat(ContentFormatChoice.defaultFormat(Version.parse(version), ALL))
                .isEqualTo(ContentFormat.byName(format));
    }

    @ParameterizedTest
    @CsvSource({"1.0", "1.1", "1.2"})
    void a_client_that_announced_nothing_gets_tlv(String version) {
        assertThat(ContentFormatChoice.defaultFormat(Version.parse(version), List.of())).isEqualTo(ContentFormat.TLV);
    }

    @Test
    void the_preferred_format_is_used_only_when_announced() {
        assertThat(ContentFormatChoice.defaultFormat(Version.V1_2, List.of(ContentFormat.TLV,
                ContentFormat.SENML_JSON))).isEqualTo(ContentFormat.SENML_JSON);
        assertThat(ContentFormatChoice.defaultFormat(Version.V1_1, List.of(ContentFormat.TLV,
                ContentFormat.JSON))).isEqualTo(ContentFormat.TLV);
        assertThat(ContentFormatChoice.defaultFormat(Version.V1_1, List.of(ContentFormat.JSON)))
                .isEqualTo(ContentFormat.JSON);
        assertThat(ContentFormatChoice.defaultFormat(Version.V1_0, List.of(ContentFormat.SENML_CBOR,
                ContentFormat.LWM2M_CBOR))).isEqualTo(ContentFormat.LWM2M_CBOR);
    }

    @Test
    void announcing_only_single_value_formats_falls_back_to_tlv() {
        assertThat(ContentFormatChoice.defaultFormat(Version.V1_1, List.of(ContentFormat.TEXT,
                ContentFormat.OPAQUE))).isEqualTo(ContentFormat.TLV);
    }
}
