package io.wisp.server.registration;

import static io.wisp.server.testing.Uplinks.register;
import static io.wisp.server.testing.Uplinks.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.server.registration.Binding.Transport;
import io.wisp.server.registration.RegistrationRequestException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Register and Update parameters (Core TS §6.2.1–6.2.2) as real clients send them. */
class RegistrationQueryTest {
    private static final String LINKS = "</1/0>,</3/0>";

    @Test
    void a_register_with_only_ep_gets_the_defaults_of_the_ts() {
        RegisterRequest r = RegistrationQuery.register(register("ep=dev", 40, LINKS));

        assertThat(r.endpoint()).isEqualTo("dev");
        assertThat(r.lifetime()).isEqualTo(86_400);
        assertThat(r.lwm2mVersion()).isEqualTo(Version.V1_0);
        assertThat(r.binding().transports()).containsExactly(Transport.UDP);
        assertThat(r.queueMode()).isFalse();
        assertThat(r.smsNumber()).isNull();
        assertThat(r.objectLinks().objectIds()).containsExactly(1, 3);
    }

    @Test
    void parameters_are_read_in_any_order_with_a_bare_q() {
        RegisterRequest r = RegistrationQuery.register(
                register("Q&sms=+3312345&b=UT&lt=300&pid=6:27354b9a&lwm2m=1.2&ep=urn:imei:35", 40, LINKS));

        assertThat(r.endpoint()).isEqualTo("urn:imei:35");
        assertThat(r.lifetime()).isEqualTo(300);
        assertThat(r.lwm2mVersion()).isEqualTo(Version.V1_2);
        assertThat(r.binding().transports()).containsExactlyInAnyOrder(Transport.UDP, Transport.TCP);
        assertThat(r.queueMode()).isTrue();
        assertThat(r.smsNumber()).isEqualTo("+3312345");
        assertThat(r.profileId()).isEqualTo("6:27354b9a");
    }

    @Test
    void the_legacy_binding_uq_means_udp_in_queue_mode() {
        RegisterRequest r = RegistrationQuery.register(register("ep=dev&b=UQ&lwm2m=1.0", 40, LINKS));

        assertThat(r.binding().transports()).containsExactly(Transport.UDP);
        assertThat(r.queueMode()).isTrue();
    }

    @Test
    void unknown_parameters_are_kept_as_additional_attributes() {
        RegisterRequest r = RegistrationQuery.register(register("ep=dev&et=sensor&d=home", 40, LINKS));

        assertThat(r.additionalAttributes()).containsEntry("et", "sensor").containsEntry("d", "home").hasSize(2);
    }

    @Test
    void payloads_without_content_format_without_root_link_or_with_a_quoted_ct_list_are_accepted() {
        RegisterRequest noFormat = RegistrationQuery.register(register("ep=a", -1, "</3/0>"));
        RegisterRequest quoted = RegistrationQuery.register(
                register("ep=b", 40, "</>;rt=\"oma.lwm2m\";ct=\"60 110 11543\",</3/0>"));
        RegisterRequest single = RegistrationQuery.register(register("ep=c", 40, "</>;ct=11542,</3/0>"));

        assertThat(noFormat.objectLinks().instances(3)).containsExactly(0);
        assertThat(quoted.objectLinks().contentFormats()).containsExactly(ContentFormat.CBOR,
                ContentFormat.SENML_JSON, ContentFormat.JSON);
        assertThat(single.objectLinks().contentFormats()).containsExactly(ContentFormat.TLV);
    }

    @Test
    void a_register_without_ep_is_a_bad_parameter() {
        assertProblem(() -> RegistrationQuery.register(register("lt=60", 40, LINKS)), Problem.BAD_PARAMETER, "ep");
        assertProblem(() -> RegistrationQuery.register(register("ep=&lt=60", 40, LINKS)), Problem.BAD_PARAMETER,
                "ep");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lt=abc", "lt=-5", "lt=", "lt=4294967296", "lt=99999999999", "lt=1.5"})
    void a_lifetime_that_is_not_an_unsigned_32_bit_number_is_a_bad_parameter(String lt) {
        assertProblem(() -> RegistrationQuery.register(register("ep=dev&" + lt, 40, LINKS)), Problem.BAD_PARAMETER,
                "lt");
    }

    @Test
    void the_largest_lifetime_and_zero_are_accepted() {
        assertThat(RegistrationQuery.register(register("ep=dev&lt=4294967295", 40, LINKS)).lifetime())
                .isEqualTo(4_294_967_295L);
        assertThat(RegistrationQuery.register(register("ep=dev&lt=0", 40, LINKS)).lifetime()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.3", "2.0", "0.9"})
    void a_well_formed_version_the_server_does_not_implement_is_unsupported(String version) {
        assertProblem(() -> RegistrationQuery.register(register("ep=dev&lwm2m=" + version, 40, LINKS)),
                Problem.UNSUPPORTED_VERSION, version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"one", "1", "1.1.1", ""})
    void a_malformed_version_is_a_bad_parameter(String version) {
        assertProblem(() -> RegistrationQuery.register(register("ep=dev&lwm2m=" + version, 40, LINKS)),
                Problem.BAD_PARAMETER, "lwm2m");
    }

    @Test
    void a_binding_with_an_unknown_letter_or_only_q_is_a_bad_parameter() {
        assertProblem(() -> RegistrationQuery.register(register("ep=dev&b=UX", 40, LINKS)), Problem.BAD_PARAMETER,
                "'X'");
        assertProblem(() -> RegistrationQuery.register(register("ep=dev&b=Q", 40, LINKS)), Problem.BAD_PARAMETER,
                "b");
    }

    @Test
    void a_repeated_parameter_is_refused_as_ambiguous() {
        assertProblem(() -> RegistrationQuery.register(register("ep=a&ep=b", 40, LINKS)), Problem.BAD_PARAMETER,
                "more than once");
    }

    @Test
    void a_payload_in_another_format_than_link_format_is_refused() {
        assertProblem(() -> RegistrationQuery.register(register("ep=dev", 60, LINKS)), Problem.BAD_CONTENT_FORMAT,
                "60");
    }

    @ParameterizedTest
    @ValueSource(strings = {"</3/0", "</3/0/1>", "<garbage>", "</3/0>,</3/0>", "</a/b>"})
    void a_payload_that_is_not_an_object_link_list_is_a_bad_payload(String payload) {
        assertProblem(() -> RegistrationQuery.register(register("ep=dev", 40, payload)), Problem.BAD_PAYLOAD,
                "payload");
    }

    @Test
    void an_update_carries_only_what_changes_and_tolerates_a_payload_without_content_format() {
        UpdateRequest plain = RegistrationQuery.update("id1", update("id1", "", -1, ""));
        UpdateRequest some = RegistrationQuery.update("id1", update("id1", "lt=20&b=U", -1, "</3/0>,</4/0>"));

        assertThat(plain).isEqualTo(UpdateRequest.renew("id1"));
        assertThat(some.lifetime()).isEqualTo(20L);
        assertThat(some.binding()).isEqualTo(Binding.UDP);
        assertThat(some.queueMode()).isNull();
        assertThat(some.smsNumber()).isNull();
        assertThat(some.objectLinks().objectIds()).containsExactly(3, 4);
    }

    @Test
    void an_update_with_bad_parameters_or_payload_is_refused() {
        assertProblem(() -> RegistrationQuery.update("id1", update("id1", "lt=x", -1, "")), Problem.BAD_PARAMETER,
                "lt");
        assertProblem(() -> RegistrationQuery.update("id1", update("id1", "", 0, "</3/0>")),
                Problem.BAD_CONTENT_FORMAT, "Content-Format");
        assertProblem(() -> RegistrationQuery.update("id1", update("id1", "", 40, "<<")), Problem.BAD_PAYLOAD,
                "payload");
    }

    private static void assertProblem(Runnable call, Problem problem, String mentioned) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RegistrationRequestException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).contains(mentioned);
        });
    }
}
