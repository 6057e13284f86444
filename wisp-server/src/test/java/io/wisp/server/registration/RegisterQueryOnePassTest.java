package io.wisp.server.registration;

import static io.wisp.server.testing.Uplinks.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.transport.Peer;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Register queries read in one pass refuse what the TS leaves ambiguous, whatever the parameter's kind. */
class RegisterQueryOnePassTest {
    private static final String LINKS = "</1/0>";

    @ParameterizedTest
    @ValueSource(strings = {"ep=a&Q&lt=60&Q", "ep=a&et=x&lt=60&et=y", "ep=a&b=U&b=UQ", "pid=1&ep=a&pid=1",
        "ep=a&d&d"})
    void any_repeated_parameter_is_refused_naming_it(String query) {
        String name = query.substring(query.lastIndexOf('&') + 1).split("=")[0];

        assertThatThrownBy(() -> RegistrationQuery.register(register(query, 40, LINKS)))
                .isInstanceOfSatisfying(RegistrationRequestException.class,
                        e -> assertThat(e.problem()).isEqualTo(RegistrationRequestException.Problem.BAD_PARAMETER))
                .hasMessageContaining("'" + name + "' appears more than once");
    }

    @Test
    void a_repeat_is_reported_before_a_bad_value_that_comes_earlier() {
        assertThatThrownBy(() -> RegistrationQuery.register(register("lt=abc&ep=a&ep=a", 40, LINKS)))
                .hasMessageContaining("'ep' appears more than once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sms", "pid"})
    void an_sms_number_or_profile_without_value_is_refused(String name) {
        assertThatThrownBy(() -> RegistrationQuery.register(register("ep=a&" + name, 40, LINKS)))
                .hasMessageContaining("'" + name + "' must have a value");
    }

    @Test
    void flags_among_additional_attributes_are_kept_with_an_empty_value() {
        RegisterRequest r = RegistrationQuery.register(register("ep=a&Q&d&et=x", 40, LINKS));

        assertThat(r.queueMode()).isTrue();
        assertThat(r.additionalAttributes()).containsOnlyKeys("d", "et").containsEntry("d", "");
    }

    @Test
    void a_registration_exposes_the_address_it_came_from_without_building_a_peer() {
        RegisterRequest request = RegistrationQuery.register(register("ep=a", 40, LINKS));
        Registration v4 = Registration.create("id1", request,
                Peer.unsecured("coap", new InetSocketAddress("192.168.1.250", 5683)), Instant.EPOCH);
        Registration v6 = Registration.create("id2", request,
                Peer.unsecured("coaps", new InetSocketAddress("::1", 40000)), Instant.EPOCH);

        assertThat(v4.ipv4Address()).isEqualTo(0xC0A801FAL);
        assertThat(v4.port()).isEqualTo(5683);
        assertThat(v4.connector()).isEqualTo("coap");
        assertThat(v6.ipv4Address()).isEqualTo(-1);
        assertThat(v6.port()).isEqualTo(40000);
        assertThat(v6.connector()).isEqualTo("coaps");
    }
}
