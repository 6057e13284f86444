package io.wisp.bootstrap.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.InMemoryBootstrapConfigStore;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.bootstrap.downlink.BootstrapCoap;
import io.wisp.bootstrap.downlink.BootstrapDownlinks;
import io.wisp.bootstrap.security.BootstrapIdentityBinding;
import io.wisp.bootstrap.session.BootstrapEvents;
import io.wisp.bootstrap.session.BootstrapSessions;
import io.wisp.core.codec.Codecs;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.operation.BootstrapRequest;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkException;
import io.wisp.transport.Peer;
import io.wisp.transport.QueryParam;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import io.wisp.transport.security.InMemorySecurityStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a peer sends to {@code /bs} or {@code /bspack}, the handlers answer with a code the Transport TS allows
 * for the operation and never throw; a well-formed Bootstrap-Request is read back as sent.
 */
class UplinkRobustnessPropertiesTest {
    private static final Peer PEER = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 40000));
    private static final Set<CoapCode> BS_CODES = Set.of(CoapCode.CHANGED, CoapCode.BAD_REQUEST,
            CoapCode.UNSUPPORTED_CONTENT_FORMAT, CoapCode.METHOD_NOT_ALLOWED, CoapCode.NOT_FOUND);
    private static final Set<CoapCode> PACK_CODES = Set.of(CoapCode.CONTENT, CoapCode.BAD_REQUEST,
            CoapCode.NOT_ACCEPTABLE, CoapCode.METHOD_NOT_ALLOWED, CoapCode.NOT_FOUND);

    private final InMemoryBootstrapConfigStore store = new InMemoryBootstrapConfigStore();
    private final BootstrapEvents events = new BootstrapEvents();
    private final BootstrapSessions sessions = new BootstrapSessions(new BootstrapDownlinks(
            (peer, request, timeout) -> CompletableFuture.failedFuture(
                    new DownlinkException(DownlinkException.Reason.NO_CONNECTOR, "no network in this test")),
            new BootstrapCoap(Codecs.standard(), ModelRegistry.bundled())), events, Duration.ofSeconds(1),
            Clock.systemUTC());
    private final BootstrapIdentityBinding binding = new BootstrapIdentityBinding(new InMemorySecurityStore());
    private final BootstrapRequestHandler bs = new BootstrapRequestHandler(store, sessions, events, binding);
    private final BootstrapPackHandler pack = new BootstrapPackHandler(store, sessions, events, binding,
            Codecs.standard(), ModelRegistry.bundled());

    UplinkRobustnessPropertiesTest() {
        store.put("dev", BootstrapConfig.builder()
                .account(SecurityInstance.noSec("coap://127.0.0.1", 1), ServerInstance.of(1, 60)).build());
    }

    @Provide
    Arbitrary<UplinkRequest> requests() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("ep", "pct", "lt", "b", "EP"),
                Arbitraries.strings().ofMaxLength(4));
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("dev", "", "112",
                "11542", "40", "-1", "99999", "1e3", "0112"), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<QueryParam> params = Combinators.combine(names, values).as(QueryParam::new);
        Arbitrary<List<String>> paths = Arbitraries.of(List.of("bs"), List.of("bspack"), List.of("bs", "x"),
                List.of("bspack", "1", "2"));
        return Combinators.combine(Arbitraries.of(CoapMethod.values()), paths, params.list().ofMaxSize(5),
                Arbitraries.integers().between(-1, 65535))
                .as((method, path, query, accept) -> UplinkRequest.builder(PEER, method).path(path).query(query)
                        .accept(accept).build());
    }

    @Property(tries = 400)
    void the_handlers_answer_any_request_with_a_code_of_their_operation(@ForAll("requests") UplinkRequest request) {
        boolean isPack = request.path().get(0).equals("bspack");
        UplinkResponse response = isPack ? pack.handle(request) : bs.handle(request);

        assertThat(response.code()).isIn(isPack ? PACK_CODES : BS_CODES);
        if (response.hasAfterSent()) {
            response.afterSentAction().run();
        }
    }

    @Property(tries = 200)
    void a_well_formed_bootstrap_request_is_read_as_sent(
            @ForAll("endpoints") String endpoint, @ForAll("writable") Integer pct) {
        List<QueryParam> query = pct == null ? List.of(QueryParam.of("ep", endpoint))
                : List.of(QueryParam.of("pct", pct.toString()), QueryParam.of("ep", endpoint));
        BootstrapRequest parsed = BootstrapQuery.bootstrapRequest(UplinkRequest.of(PEER, CoapMethod.POST,
                List.of("bs"), query, UplinkRequest.NO_FORMAT, new byte[0]));

        assertThat(parsed.endpoint()).isEqualTo(endpoint);
        assertThat(parsed.preferred().map(f -> f.code())).isEqualTo(Optional.ofNullable(pct));
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(40);
    }

    @Provide
    Arbitrary<Integer> writable() {
        return Arbitraries.of(11542, 112, 110, 11544, 11543).injectNull(0.3);
    }
}
