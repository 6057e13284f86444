package io.wisp.client.object.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.transport.QueryParam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Package URIs taken apart into CoAP requests (RFC 7252 §6.4) or refused with the right Update Result. */
class CoapUriTest {

    @Test
    void host_port_path_and_query_become_the_request_with_percent_escapes_decoded() {
        CoapUri uri = CoapUri.parse("coap://files.example:5700/fw/v2%2F1/caf%C3%A9?sig=a%26b&flag");

        assertThat(uri.host()).isEqualTo("files.example");
        assertThat(uri.port()).isEqualTo(5700);
        assertThat(uri.path()).containsExactly("fw", "v2/1", "café");
        assertThat(uri.query()).containsExactly(QueryParam.of("sig", "a&b"), QueryParam.flag("flag"));
    }

    @Test
    void the_default_port_is_5683_and_an_empty_path_sends_no_uri_path() {
        CoapUri uri = CoapUri.parse("COAP://[::1]/");

        assertThat(uri.host()).isEqualTo("::1");
        assertThat(uri.port()).isEqualTo(CoapUri.DEFAULT_PORT);
        assertThat(uri.path()).isEmpty();
        assertThat(uri.query()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "coap://127.0.0.1/fw/a b   | INVALID_URI",
        "/fw/image                 | INVALID_URI",
        "coap:///fw/image          | INVALID_URI",
        "coap:fw                   | INVALID_URI",
        "coap://127.0.0.1/fw#part  | INVALID_URI",
        "coap://127.0.0.1:0/fw     | INVALID_URI",
        "coaps://127.0.0.1/fw      | UNSUPPORTED_PROTOCOL",
        "https://example.org/fw    | UNSUPPORTED_PROTOCOL",
        "coap+tcp://example.org/fw | UNSUPPORTED_PROTOCOL",
        "gopher://example.org/fw   | UNSUPPORTED_PROTOCOL",
    })
    void refused_uris_name_the_update_result(String text, UpdateResult expected) {
        assertThatThrownBy(() -> CoapUri.parse(text)).isInstanceOfSatisfying(FetchException.class,
                e -> assertThat(e.result()).isEqualTo(expected));
    }
}
