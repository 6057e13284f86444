package io.wisp.client.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EffectiveAttributesTest {
    private final FakeDevice device = new FakeDevice();

    private EffectiveAttributes resolve(int ssid, String path, String request, ServerSettings settings) {
        return EffectiveAttributes.resolve(device, settings, ssid, LwM2mPath.parse(path),
                NotificationAttributes.parse(request));
    }

    private EffectiveAttributes resolve(String path) {
        return resolve(1, path, "", ServerSettings.DEFAULTS);
    }

    @Test
    void lowerLevelWinsAttributeByAttribute() {
        device.attach(1, "/3", "pmin=10&pmax=100")
                .attach(1, "/3/0", "pmin=20")
                .attach(1, "/3/0/9", "gt=45");
        EffectiveAttributes a = resolve("/3/0/9");
        assertThat(a.pmin()).as("instance level over object level").isEqualTo(20);
        assertThat(a.pmax()).as("inherited from the object level").isEqualTo(100);
        assertThat(a.gt()).isEqualByComparingTo("45");
    }

    @Test
    void resourceInstanceLevelWinsOverResourceLevel() {
        device.attach(1, "/3/0/7", "pmin=5&st=1").attach(1, "/3/0/7/1", "pmin=9");
        assertThat(resolve("/3/0/7/1").pmin()).isEqualTo(9);
        assertThat(resolve("/3/0/7/1").st()).isEqualByComparingTo("1");
        assertThat(resolve("/3/0/7/0").pmin()).isEqualTo(5);
    }

    @Test
    void attributesBelowTheObservedLevelAreIgnored() {
        device.attach(1, "/3/0/9", "pmin=30&gt=45");
        EffectiveAttributes instance = resolve("/3/0");
        assertThat(instance.pmin()).isZero();
        assertThat(instance.hasChangeConditions()).isFalse();
    }

    @Test
    void eachServerHasItsOwnAttributes() {
        device.attach(1, "/3/0", "pmin=2&pmax=10").attach(2, "/3/0", "pmin=15&pmax=50");
        assertThat(resolve(1, "/3/0", "", ServerSettings.DEFAULTS).pmax()).isEqualTo(10);
        assertThat(resolve(2, "/3/0", "", ServerSettings.DEFAULTS).pmax()).isEqualTo(50);
    }

    @Test
    void requestAttributesOverrideAttachedOnesForThatObservation() {
        // ETS int-313: pmax=60 attached to /3/0/7, the Observe carries pmax=10
        device.attach(1, "/3/0/7", "pmax=60&pmin=1");
        EffectiveAttributes a = resolve(1, "/3/0/7", "pmax=10", ServerSettings.DEFAULTS);
        assertThat(a.pmax()).isEqualTo(10);
        assertThat(a.pmin()).as("not named in the request, still attached").isEqualTo(1);
    }

    @Test
    void periodsDefaultToTheServerAccount() {
        ServerSettings settings = new ServerSettings(7, 70, false, true);
        EffectiveAttributes a = resolve(1, "/3/0/9", "", settings);
        assertThat(a.pmin()).isEqualTo(7);
        assertThat(a.pmax()).isEqualTo(70);
        device.attach(1, "/3/0/9", "pmax=20");
        assertThat(resolve(1, "/3/0/9", "", settings).pmax()).isEqualTo(20);
    }

    @Test
    void pmaxBelowPminIsIgnoredButEqualIsKept() {
        assertThat(resolve(1, "/3/0/9", "pmin=30&pmax=10", ServerSettings.DEFAULTS).pmax()).isZero();
        assertThat(resolve(1, "/3/0/9", "pmin=30&pmax=30", ServerSettings.DEFAULTS).pmax()).isEqualTo(30);
        assertThat(resolve(1, "/3/0/9", "pmax=0", ServerSettings.DEFAULTS).pmax()).isZero();
        assertThat(resolve(1, "/3/0/9", "", new ServerSettings(50, 40, false, true)).pmax())
                .as("default pmax below default pmin").isZero();
    }

    @Test
    void thresholdsFromDifferentLevelsThatBreakTheRulesAreDropped() {
        // each Write-Attributes was valid alone; merged lt=50 > gt=40 is not a valid Change Value Condition
        device.attach(1, "/3/0/9", "lt=50&st=1").attach(1, "/3/0/9/0", "gt=40");
        EffectiveAttributes a = resolve("/3/0/9/0");
        assertThat(a.gt()).isNull();
        assertThat(a.lt()).isNull();
        assertThat(a.st()).isNull();
        assertThat(a.hasChangeConditions()).isFalse();
    }

    @Test
    void epminAboveEpmaxIsIgnored() {
        device.attach(1, "/3/0", "epmin=50").attach(1, "/3/0/9", "epmax=20");
        EffectiveAttributes a = resolve("/3/0/9");
        assertThat(a.epmin()).isZero();
        assertThat(a.epmax()).isEqualTo(20);
    }

    @Test
    void conDefaultsToTheDefaultNotificationModeAndAttributesOverrideIt() {
        assertThat(resolve(1, "/3/0/9", "", ServerSettings.DEFAULTS).confirmable()).isFalse();
        assertThat(resolve(1, "/3/0/9", "", new ServerSettings(0, 0, true, true)).confirmable()).isTrue();
        device.attach(1, "/3", "con=0");
        assertThat(resolve(1, "/3/0/9", "", new ServerSettings(0, 0, true, true)).confirmable()).isFalse();
        assertThat(resolve(1, "/3/0/9", "con=1", ServerSettings.DEFAULTS).confirmable()).isTrue();
    }

    @Test
    void edgeAndHqmaxAreCarried() {
        EffectiveAttributes a = resolve(1, "/3/0/9", "edge=0&hqmax=4", ServerSettings.DEFAULTS);
        assertThat(a.hasEdge()).isTrue();
        assertThat(a.risingEdge()).isFalse();
        assertThat(a.hqmax()).isEqualTo(4);
        assertThat(resolve("/3/0/9").hqmax()).isEqualTo(-1);
    }

    @Test
    void compositeTimingHonoursEveryPart() {
        EffectiveAttributes a = EffectiveAttributes.of(NotificationAttributes.parse("pmin=5&pmax=60&con=0"),
                ServerSettings.DEFAULTS);
        EffectiveAttributes b = EffectiveAttributes.of(NotificationAttributes.parse("pmin=10&pmax=30&con=1&hqmax=3"),
                ServerSettings.DEFAULTS);
        EffectiveAttributes c = EffectiveAttributes.of(NotificationAttributes.parse("gt=4"), ServerSettings.DEFAULTS);
        EffectiveAttributes combined = EffectiveAttributes.combine(List.of(a, b, c));
        assertThat(combined.pmin()).isEqualTo(10);
        assertThat(combined.pmax()).isEqualTo(30);
        assertThat(combined.confirmable()).isTrue();
        assertThat(combined.hqmax()).isEqualTo(3);
        assertThat(combined.hasChangeConditions()).as("conditions stay with each part").isFalse();
    }

    @Test
    void serverSettingsAreReadFromTheServerObjectInstanceOfThatServer() {
        ObjectInstance server1 = ObjectInstance.of(0, SingleResource.of(0, Value.of(101L)),
                SingleResource.of(2, Value.of(5L)), SingleResource.of(3, Value.of(50L)),
                SingleResource.of(6, Value.of(false)), SingleResource.of(26, Value.of(1L)));
        ObjectInstance server2 = ObjectInstance.of(1, SingleResource.of(0, Value.of(102L)));
        LwM2mNode object = LwM2mObject.of(1, List.of(server1, server2));
        ServerSettingsSource source = ServerSettingsSource.fromServerObject(
                p -> p.equals(LwM2mPath.of(1)) ? Optional.of(object) : Optional.empty());
        assertThat(source.settings(101)).isEqualTo(new ServerSettings(5, 50, true, false));
        assertThat(source.settings(102)).as("optional resources absent").isEqualTo(ServerSettings.DEFAULTS);
        assertThat(source.settings(103)).as("no such server").isEqualTo(ServerSettings.DEFAULTS);
    }

    @Test
    void printsInQueryForm() {
        assertThat(EffectiveAttributes.of(NotificationAttributes.parse("pmin=1&pmax=5&gt=4.5&st=0.5"),
                ServerSettings.DEFAULTS)).hasToString("pmin=1&pmax=5&gt=4.5&st=0.5&con=0");
        assertThat(new BigDecimal("4.5")).isEqualByComparingTo(EffectiveAttributes.of(
                NotificationAttributes.parse("gt=4.50"), ServerSettings.DEFAULTS).gt());
    }
}
