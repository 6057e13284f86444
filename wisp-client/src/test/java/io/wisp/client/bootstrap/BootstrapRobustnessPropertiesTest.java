package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.dm.DmResponse;
import io.wisp.client.dm.InboundRequest;
import io.wisp.client.object.ObjectException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a Bootstrap-Server sends — any method, path, format and payload, well-formed or mangled — the client
 * answers with a code of its own choosing, never 5.00, and keeps its Bootstrap-Server Account unless the
 * Bootstrap-Server itself writes over it.
 */
class BootstrapRobustnessPropertiesTest {
    private static final Codecs CODECS = Codecs.standard();
    private static final List<Integer> FORMATS = List.of(InboundRequest.NONE, 0, 40, 42, 60, 110, 112, 11542,
            11543, 11544, 9999);

    @Provide
    Arbitrary<InboundRequest> requests() {
        Arbitrary<List<String>> path = Arbitraries.oneOf(
                Arbitraries.of("", "0", "1", "2", "3", "5", "bs", "x", "65535").list().ofMaxSize(4),
                Arbitraries.of(List.of("0", "0"), List.of("1", "0"), List.of("1", "0", "1"), List.of("bs"),
                        List.of("0"), List.of()));
        Arbitrary<byte[]> payload = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                Arbitraries.of(validPayloads()).flatMap(p -> Arbitraries.integers().between(0, p.length)
                        .map(cut -> Arrays.copyOf(p, cut))));
        return Combinators.combine(Arbitraries.of(CoapMethod.values()), path, Arbitraries.of(FORMATS),
                Arbitraries.of(FORMATS), payload)
                .as((method, segments, ct, accept, body) -> new InboundRequest(method, segments, List.of(), ct,
                        accept, InboundRequest.NONE, 0, body));
    }

    private static List<byte[]> validPayloads() {
        BootstrapFixture f = new BootstrapFixture();
        ObjectInstance server = ObjectInstance.of(0, SingleResource.of(0, Value.of(101L)),
                SingleResource.of(1, Value.of(60L)), SingleResource.of(7, Value.of("U")));
        LwM2mPath at = LwM2mPath.of(1, 0);
        return List.of(CODECS.encode(ContentFormat.TLV, server, at, f.tree.models()),
                CODECS.encode(ContentFormat.SENML_CBOR, server, at, f.tree.models()),
                CODECS.encode(ContentFormat.LWM2M_CBOR, server, at, f.tree.models()));
    }

    @Property(tries = 1000)
    void every_request_gets_a_considered_answer(@ForAll("requests") InboundRequest request) {
        BootstrapFixture f = new BootstrapFixture().account(1, 101);
        BootstrapDispatcher dispatcher = new BootstrapDispatcher(f.tree, CODECS, Version.V1_1, Optional::empty);

        DmResponse response;
        try {
            response = dispatcher.serve(dispatcher.decode(request));
        } catch (ObjectException refused) {
            response = DmResponse.error(refused.code(), refused.getMessage());
        }

        assertThat(response.code()).as("%s → %s", request, response).isNotEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
        if (response.code().isError()) {
            assertThat(response.diagnostic()).isNotBlank();
        }
        boolean rewritesTheAccount = request.method() == CoapMethod.PUT && !request.uriPath().isEmpty()
                && request.uriPath().get(0).equals("0");
        if (!rewritesTheAccount) {
            assertThat(BootstrapAccount.instanceId(f.tree)).as("%s → %s", request, response).hasValue(0);
        }
    }
}
