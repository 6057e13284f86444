package io.wisp.app.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wisp.app.http.ApiProblem;
import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Values keep their model types in JSON, both ways; a JSON value of the wrong kind is a 400 naming the field. */
class ValueJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void each_type_has_its_json_form() {
        assertThat(ValueJson.write(Value.of(-7)).isIntegralNumber()).isTrue();
        assertThat(ValueJson.write(Value.unsigned(-1L)).bigIntegerValue())
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(ValueJson.write(Value.of(2.5)).doubleValue()).isEqualTo(2.5);
        assertThat(ValueJson.write(Value.of(true)).booleanValue()).isTrue();
        assertThat(ValueJson.write(Value.of(new byte[] {1, 2, (byte) 0xFF})).asText())
                .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xFF}));
        assertThat(ValueJson.write(Value.of(new ObjectLink(3, 0))).asText()).isEqualTo("3:0");
        JsonNode time = ValueJson.write(Value.time(1_700_000_000L));
        assertThat(time.path("iso").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(time.path("epochSeconds").asLong()).isEqualTo(1_700_000_000L);
    }

    @Test
    void what_is_written_reads_back_as_the_same_value() {
        Value[] values = {Value.of("x"), Value.of(Long.MIN_VALUE), Value.unsigned(-1L), Value.of(0.1),
            Value.of(false), Value.of(new byte[] {0, 1}), Value.time(-5), Value.of(new ObjectLink(65535, 65535)),
            Value.corelnk("</3/0>")};
        for (Value v : values) {
            assertThat(ValueJson.read(ValueJson.write(v), v.type(), "value")).as(v.toString()).isEqualTo(v);
        }
    }

    @Test
    void time_is_also_taken_as_iso_text_or_epoch_seconds() throws Exception {
        assertThat(ValueJson.read(json("\"2023-11-14T23:13:20+01:00\""), DataType.TIME, "v"))
                .isEqualTo(Value.time(1_700_000_000L));
        assertThat(ValueJson.read(json("1700000000"), DataType.TIME, "v")).isEqualTo(Value.time(1_700_000_000L));
    }

    @Test
    void a_json_value_of_the_wrong_kind_names_the_field_and_the_type() throws Exception {
        assertProblem(json("\"12\""), DataType.INTEGER, "INTEGER");
        assertProblem(json("1.5"), DataType.INTEGER, "INTEGER");
        assertProblem(json("9223372036854775808"), DataType.INTEGER, "INTEGER");
        assertProblem(json("-1"), DataType.UNSIGNED_INTEGER, "UNSIGNED_INTEGER");
        assertProblem(json("\"true\""), DataType.BOOLEAN, "BOOLEAN");
        assertProblem(json("\"not base64!\""), DataType.OPAQUE, "base64");
        assertProblem(json("\"3-0\""), DataType.OBJLNK, "o:i");
        assertProblem(json("\"yesterday\""), DataType.TIME, "ISO-8601");
        assertProblem(json("12"), DataType.STRING, "STRING");
    }

    private static void assertProblem(JsonNode json, DataType type, String mentioned) {
        assertThatThrownBy(() -> ValueJson.read(json, type, "body.value"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.field()).startsWith("body.value");
                })
                .hasMessageContaining(mentioned);
    }
}
