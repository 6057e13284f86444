package io.wisp.client.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.testing.TestDevice;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.transport.CoapMethod;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a server sends — any method, path, options, query and payload, well-formed or mangled — the client
 * answers with a response and never throws; and it never blames itself (5.00) for a bad request.
 */
class DispatcherRobustnessPropertiesTest {
    private static final List<Integer> FORMATS = List.of(InboundRequest.NONE, 0, 40, 42, 60, 110, 112, 320, 322,
            11542, 11543, 11544, 1542, 1543, 9999);

    @Provide
    Arbitrary<InboundRequest> requests() {
        Arbitrary<List<String>> path = Arbitraries.oneOf(
                Arbitraries.of("", "3", "0", "1", "3303", "10241", "42", "x", "65535", "-1", "bs", "rd")
                        .list().ofMaxSize(5),
                Arbitraries.of(List.of("3", "0"), List.of("1", "0", "1"), List.of("3", "0", "11", "0"),
                        List.of("10241", "0", "30"), List.of("3303", "0", "5605"), List.of("1", "0", "8")));
        Arbitrary<List<String>> query = Arbitraries.of("pmin=10", "pmax", "gt=5", "lt=-3.5", "st=x", "depth=2",
                "depth=9", "dim=1", "epmin=5", "edge=1", "=", "&&", "").list().ofMaxSize(3);
        Arbitrary<byte[]> payload = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                Arbitraries.of(validPayloads()).flatMap(p -> Arbitraries.integers().between(0, p.length)
                        .map(cut -> java.util.Arrays.copyOf(p, cut))));
        return Combinators.combine(Arbitraries.of(CoapMethod.values()), path, query, Arbitraries.of(FORMATS),
                Arbitraries.of(FORMATS), Arbitraries.of(InboundRequest.NONE, 0, 1, 7), payload)
                .as((method, segments, options, ct, accept, observe, body) -> new InboundRequest(method, segments,
                        options, ct, accept, observe, 42, body));
    }

    private static List<byte[]> validPayloads() {
        TestDevice device = new TestDevice();
        ObjectInstance server = ObjectInstance.of(0, SingleResource.of(1, Value.of(60L)),
                SingleResource.of(7, Value.of("U")));
        return List.of(device.encode(ContentFormat.TLV, server, "/1/0"),
                device.encode(ContentFormat.SENML_CBOR, server, "/1/0"),
                device.encode(ContentFormat.LWM2M_CBOR, server, "/1/0"),
                device.encode(ContentFormat.JSON, server, "/1/0"),
                "0,1='two'".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void every_request_gets_an_answer_and_never_an_internal_error(@ForAll("requests") InboundRequest request) {
        TestDevice device = new TestDevice();

        DmResponse response = device.send(request);

        assertThat(response.code()).as("%s → %s", request, response).isNotEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
        if (response.code().isError()) {
            assertThat(response.diagnostic()).isNotBlank();
            assertThat(response.payload()).isEmpty();
        }
    }
}
