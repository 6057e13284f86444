package io.wisp.core.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Response codes read from the wire byte and from text, named as in RFC 7252 §12.1.2. */
class ResponseCodeTest {

    @ParameterizedTest
    @CsvSource({"65, 2.01 Created", "69, 2.05 Content", "95, 2.31 Continue", "132, 4.04 Not Found",
        "136, 4.08 Request Entity Incomplete", "143, 4.15 Unsupported Content-Format", "163, 5.03 Service Unavailable"})
    void the_wire_byte_gives_the_named_code(int value, String text) {
        ResponseCode code = ResponseCode.ofValue(value);
        assertThat(code.toString()).isEqualTo(text);
        assertThat(code.value()).isEqualTo(value);
        assertThat(ResponseCode.parse(text.substring(0, 4))).isEqualTo(code);
    }

    @Test
    void a_code_outside_the_list_is_kept_as_sent() {
        ResponseCode unprocessable = ResponseCode.parse("4.22");
        assertThat(unprocessable.isError()).isTrue();
        assertThat(unprocessable.reason()).isEmpty();
        assertThat(unprocessable).hasToString("4.22");
        assertThat(ResponseCode.ofValue(unprocessable.value())).isEqualTo(unprocessable);
    }

    @Test
    void success_and_error() {
        assertThat(ResponseCode.CHANGED.isSuccess()).isTrue();
        assertThat(ResponseCode.METHOD_NOT_ALLOWED.isSuccess()).isFalse();
        assertThat(ResponseCode.INTERNAL_SERVER_ERROR.isError()).isTrue();
    }

    @Test
    void what_is_not_a_response_code_is_refused() {
        assertThatThrownBy(() -> new ResponseCode(0, 1)).hasMessageContaining("codeClass");
        assertThatThrownBy(() -> new ResponseCode(2, 32)).hasMessageContaining("detail");
        assertThatThrownBy(() -> ResponseCode.parse("404")).hasMessageContaining("4.04");
        assertThatThrownBy(() -> ResponseCode.parse("4.x4")).hasMessageContaining("4.x4");
    }

    @Test
    void a_status_keeps_a_copy_of_the_raw_payload() {
        byte[] raw = {1, 2, 3};
        ResponseStatus status = ResponseStatus.of(ResponseCode.CONTENT, null, null, raw);
        raw[0] = 9;
        assertThat(status.rawPayload()).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(ResponseStatus.of(ResponseCode.NOT_FOUND, "", null, null).errorMessage()).isEmpty();
    }
}
