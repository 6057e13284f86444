package io.wisp.client.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ImmediateSendTest {
    private final SendTestData device = new SendTestData()
            .put("/1/0/1", SingleResource.of(1, Value.of(86400L)))
            .put("/3/0/11/0", ResourceInstance.of(0, Value.of(0L)))
            .put("/6/0", ObjectInstance.of(0, SingleResource.of(0, Value.of(43.61092)),
                    SingleResource.of(1, Value.of(3.87723)), SingleResource.of(5, Value.time(1_714_557_600L))))
            .put("/6/0/0", SingleResource.of(0, Value.of(43.61092)));

    @ParameterizedTest
    @ValueSource(ints = {110, 112, 11544})
    void theCurrentValuesReachTheServerInEverySendFormat(int code) {
        // ETS int-311: /1/0/1 = 86400 and /3/0/11/0 = 0
        ContentFormat format = ContentFormat.of(code);
        SendRequest send = ImmediateSend.of(device, 1, List.of(LwM2mPath.parse("/1/0/1"),
                LwM2mPath.parse("/3/0/11/0")), format).orElseThrow();
        SendRequest received = SendTestData.roundTrip(send);
        assertThat(received.format()).isEqualTo(format);
        Map<LwM2mPath, LwM2mNode> values = received.latest();
        assertThat(values.get(LwM2mPath.parse("/1/0/1"))).isEqualTo(SingleResource.of(1, Value.of(86400L)));
        LwM2mNode errorCode = values.containsKey(LwM2mPath.parse("/3/0/11/0"))
                ? values.get(LwM2mPath.parse("/3/0/11/0"))
                : ((MultipleResource) values.get(LwM2mPath.parse("/3/0/11"))).instance(0);
        assertThat(errorCode).isEqualTo(ResourceInstance.of(0, Value.of(0L)));
        assertThat(received.data()).singleElement().satisfies(g -> assertThat(g.timestamp()).isNull());
    }

    @Test
    void anInstanceIsSentWholeAndAPathInsideItAddsNothing() {
        SendRequest send = ImmediateSend.of(device, 1, List.of(LwM2mPath.parse("/6/0/0"), LwM2mPath.parse("/6/0")),
                ContentFormat.SENML_JSON).orElseThrow();
        assertThat(send.data().get(0).nodes().keySet()).containsExactly(LwM2mPath.parse("/6/0"));
        SendRequest received = SendTestData.roundTrip(send);
        assertThat(received.paths()).contains(LwM2mPath.parse("/6/0/0"), LwM2mPath.parse("/6/0/1"),
                LwM2mPath.parse("/6/0/5"));
    }

    @Test
    void missingPathsAreLeftOutAndNothingToSendIsEmpty() {
        Optional<SendRequest> send = ImmediateSend.of(device, 1, List.of(LwM2mPath.parse("/1/0/1"),
                LwM2mPath.parse("/4/0/2")), ContentFormat.SENML_CBOR);
        assertThat(send.orElseThrow().paths()).containsExactly(LwM2mPath.parse("/1/0/1"));
        assertThat(ImmediateSend.of(device, 1, List.of(LwM2mPath.parse("/4/0/2")), ContentFormat.SENML_CBOR))
                .isEmpty();
    }

    @Test
    void aMultipleResourceTravelsWithItsInstances() {
        SendTestData d = new SendTestData().put("/3/0/7", MultipleResource.of(7, DataType.INTEGER,
                ResourceInstance.of(0, Value.of(3800L)), ResourceInstance.of(1, Value.of(5000L))));
        SendRequest received = SendTestData.roundTrip(ImmediateSend.of(d, 1, List.of(LwM2mPath.parse("/3/0/7")),
                ContentFormat.SENML_CBOR).orElseThrow());
        assertThat(received.paths()).contains(LwM2mPath.parse("/3/0/7/0"), LwM2mPath.parse("/3/0/7/1"));
    }
}
