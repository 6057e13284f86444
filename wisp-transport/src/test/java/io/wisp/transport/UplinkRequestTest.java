package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request view's options: what the original factory leaves absent, and what the builder checks. */
class UplinkRequestTest {
    private static final Peer PEER = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 5683));

    @Test
    void the_original_factory_still_builds_a_request_without_accept_or_observe() {
        UplinkRequest r = UplinkRequest.of(PEER, CoapMethod.GET, List.of("3", "0"), List.of(), 11542, new byte[] {1});

        assertThat(r.contentFormat()).hasValue(11542);
        assertThat(r.accept()).isEmpty();
        assertThat(r.observe()).isEmpty();
        assertThat(r.isObserveRegistration()).isFalse();
    }

    @Test
    void only_a_get_or_fetch_with_observe_0_is_a_registration() {
        UplinkRequest.Builder get = UplinkRequest.builder(PEER, CoapMethod.GET).path(List.of("3", "0", "9"));

        assertThat(get.observe(0).build().isObserveRegistration()).isTrue();
        assertThat(get.observe(1).build().isObserveRegistration()).isFalse();
        assertThat(UplinkRequest.builder(PEER, CoapMethod.FETCH).observe(0).build().isObserveRegistration()).isTrue();
        assertThat(UplinkRequest.builder(PEER, CoapMethod.PUT).observe(0).build().isObserveRegistration()).isFalse();
    }

    @Test
    void out_of_range_options_are_refused_with_the_field_named() {
        assertThatThrownBy(() -> UplinkRequest.builder(PEER, CoapMethod.GET).accept(65536).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accept");
        assertThatThrownBy(() -> UplinkRequest.builder(PEER, CoapMethod.GET).observe(1 << 24).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("observe");
    }
}
