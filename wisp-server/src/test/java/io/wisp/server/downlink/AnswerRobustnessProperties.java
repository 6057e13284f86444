package io.wisp.server.downlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.Codecs;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.DiscoverRequest;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ReadCompositeRequest;
import io.wisp.core.operation.ReadRequest;
import io.wisp.server.registration.Binding;
import io.wisp.server.registration.CompactObjectLinks;
import io.wisp.server.registration.RegisterRequest;
import io.wisp.server.registration.Registration;
import io.wisp.transport.CoapCode;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.Peer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client answers — any code, any content format, any bytes, any Location-Path — the typed pipeline
 * completes the future with a response or with an {@link OperationException}, and throws nothing into the caller's
 * thread (Core TS §6.3: a server must survive the clients it manages).
 */
class AnswerRobustnessProperties {
    private static final ModelRegistry MODELS = ModelRegistry.bundled();
    private static final Registration CLIENT = Registration.create("r1", new RegisterRequest("prop", 300,
            Version.V1_1, Binding.UDP, false, null, null, Map.of(),
            CompactObjectLinks.parse("</>;rt=\"oma.lwm2m\";ct=\"110 112 11542\",</3/0>")),
            Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 5683)), Instant.EPOCH);
    private static final List<LwM2mRequest<?>> REQUESTS = List.of(ReadRequest.of("/3/0"),
            ReadRequest.of("/3/0/0"), ReadRequest.of("/3"), ReadRequest.of("/3/0/11/0"), DiscoverRequest.of("/3"),
            ReadCompositeRequest.of("/3/0/0", "/1"), CreateRequest.of(3303, ObjectInstance.of(1,
                    SingleResource.of(5700, Value.of(1.5)))));

    @Provide
    Arbitrary<DownlinkResponse> answers() {
        Arbitrary<CoapCode> codes = Arbitraries.of(CoapCode.CONTENT, CoapCode.CONTENT, CoapCode.CHANGED,
                CoapCode.CREATED, CoapCode.NOT_FOUND, CoapCode.BAD_REQUEST);
        Arbitrary<Integer> formats = Arbitraries.of(-1, 0, 40, 42, 60, 110, 112, 11542, 11543, 11544, 9999);
        Arbitrary<byte[]> payloads = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<List<String>> locations = Arbitraries.of(List.of(), List.of("3303", "7"), List.of("x"),
                List.of("3303", "1", "2"), List.of("65535", "1"));
        return net.jqwik.api.Combinators.combine(codes, formats, payloads, locations)
                .as((code, format, payload, location) -> DownlinkResponse.of(code, format, payload, location));
    }

    @Property(tries = 300)
    void any_answer_gives_a_response_or_a_typed_failure(@ForAll("answers") DownlinkResponse answer,
            @ForAll("requestIndex") int index) throws InterruptedException {
        TypedDownlinks downlinks = new TypedDownlinks((peer, request, timeout) ->
                CompletableFuture.completedFuture(answer), MODELS, Codecs.standard(), OperationMappings.standard());
        CompletableFuture<?> result = downlinks.send(CLIENT, REQUESTS.get(index),
                SendOptions.timeout(Duration.ofSeconds(1)));
        try {
            assertThat(result.get()).isNotNull();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OperationException.class);
            assertThat(((OperationException) e.getCause()).reason())
                    .isEqualTo(OperationException.Reason.INVALID_RESPONSE);
        }
    }

    @Provide
    Arbitrary<Integer> requestIndex() {
        return Arbitraries.integers().between(0, REQUESTS.size() - 1);
    }
}
