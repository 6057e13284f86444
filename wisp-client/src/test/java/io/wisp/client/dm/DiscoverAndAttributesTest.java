package io.wisp.client.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.object.Requester;
import io.wisp.client.testing.TestDevice;
import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import org.junit.jupiter.api.Test;

/** Write-Attributes and Discover, with the expected links written out from the TS examples. */
class DiscoverAndAttributesTest {
    private static final String DEVICE_RESOURCES = "</3/0/0>,</3/0/1>,</3/0/2>,</3/0/3>,</3/0/4>,</3/0/5>,"
            + "</3/0/6>;dim=2,</3/0/7>;dim=2;gt=50;lt=42.2,</3/0/8>;dim=2,</3/0/9>,</3/0/10>,</3/0/11>;dim=1,"
            + "</3/0/12>,</3/0/13>,</3/0/14>,</3/0/15>,</3/0/16>,</3/0/17>,</3/0/18>,</3/0/19>,</3/0/20>,</3/0/21>";

    private DmResponse writeAttributes(TestDevice device, String path, String... query) {
        return device.send(InboundRequest.of(CoapMethod.PUT, path).withQuery(query));
    }

    private String discover(TestDevice device, String path, String... query) {
        DmResponse r = device.send(InboundRequest.of(CoapMethod.GET, path).withAccept(ContentFormat.LINK.code())
                .withQuery(query));
        assertThat(r.code()).as(r.diagnostic()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.contentFormat()).isEqualTo(40);
        return r.payloadText();
    }

    private TestDevice withTsAttributes(Version version) {
        TestDevice device = new TestDevice(version);
        assertThat(writeAttributes(device, "/3", "pmin=10").code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(writeAttributes(device, "/3/0", "pmax=60").code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(writeAttributes(device, "/3/0/7", "gt=50", "lt=42.2").code()).isEqualTo(ResponseCode.CHANGED);
        return device;
    }

    /** The check of ETS int-260, without sockets. */
    @Test
    void discover_of_the_object_lists_instances_and_resources_with_their_own_attributes() {
        TestDevice device = withTsAttributes(Version.V1_1);

        assertThat(discover(device, "/3")).isEqualTo("</3>;ver=1.2;pmin=10,</3/0>;pmax=60," + DEVICE_RESOURCES);
    }

    /** The check of ETS int-260, without sockets. */
    @Test
    void discover_of_the_instance_lists_its_resources() {
        TestDevice device = withTsAttributes(Version.V1_1);

        assertThat(discover(device, "/3/0")).isEqualTo("</3/0>;pmax=60," + DEVICE_RESOURCES);
    }

    /** The check of ETS int-260, without sockets. */
    @Test
    void discover_of_a_resource_shows_the_attributes_it_inherits() {
        TestDevice device = withTsAttributes(Version.V1_0);

        assertThat(discover(device, "/3/0/7")).isEqualTo("</3/0/7>;dim=2;pmin=10;pmax=60;gt=50;lt=42.2");
    }

    /** The check of ETS int-261, without sockets. */
    @Test
    void discover_of_a_multiple_resource_lists_its_instances_from_1_1_on() {
        TestDevice device = withTsAttributes(Version.V1_1);
        device.device.addErrorCode(1);
        device.device.addErrorCode(5);
        assertThat(writeAttributes(device, "/3/0/11/1", "epmin=1", "epmax=20").code()).isEqualTo(ResponseCode.CHANGED);

        assertThat(discover(device, "/3/0/11")).isEqualTo("</3/0/11>;dim=2;pmin=10;pmax=60,</3/0/11/0>,"
                + "</3/0/11/1>;epmin=1;epmax=20");
    }

    /** The check of ETS int-264, without sockets. */
    @Test
    void discover_with_depth_1_lists_the_object_and_its_instances() {
        TestDevice device = withTsAttributes(Version.V1_2);

        assertThat(discover(device, "/3", "depth=1")).isEqualTo("</3>;ver=1.2;pmin=10,</3/0>;pmax=60");
        assertThat(discover(device, "/3", "depth=0")).isEqualTo("</3>;ver=1.2;pmin=10");
        assertThat(discover(device, "/3/0/11", "depth=0")).isEqualTo("</3/0/11>;dim=1;pmin=10;pmax=60");
    }

    /** The check of ETS int-266, without sockets. */
    @Test
    void discover_with_depth_3_reaches_resource_instances() {
        TestDevice device = withTsAttributes(Version.V1_2);
        assertThat(writeAttributes(device, "/3/0/7/1", "lt=4").code()).isEqualTo(ResponseCode.CHANGED);

        assertThat(discover(device, "/3", "depth=3")).contains("</3/0/7>;dim=2;gt=50;lt=42.2,</3/0/7/0>,"
                + "</3/0/7/1>;lt=4,</3/0/8>;dim=2,</3/0/8/0>,</3/0/8/1>,</3/0/9>");
    }

    /** The check of ETS int-1635, without sockets. */
    @Test
    void discover_of_an_object_without_instances_lists_only_the_object() {
        TestDevice device = new TestDevice();
        device.send(InboundRequest.of(CoapMethod.DELETE, "/10241/0"));

        assertThat(discover(device, "/10241")).isEqualTo("</10241>");
    }

    @Test
    void discover_of_something_absent_is_not_found_and_a_bad_depth_is_a_bad_request() {
        TestDevice device = new TestDevice();
        assertThat(device.get("/3/1", ContentFormat.LINK).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.send(InboundRequest.of(CoapMethod.GET, "/3").withAccept(40).withQuery("depth=4")).code())
                .isEqualTo(ResponseCode.BAD_REQUEST);
    }

    @Test
    void attributes_are_kept_per_server_and_a_bare_name_removes_one() {
        TestDevice device = new TestDevice();
        LwM2mPath battery = LwM2mPath.parse("/3/0/9");
        writeAttributes(device, "/3/0/9", "pmin=5", "pmax=60", "gt=80");
        device.dm.handle(InboundRequest.of(CoapMethod.PUT, "/3/0/9").withQuery("pmax=10"), Requester.server(2));

        assertThat(writeAttributes(device, "/3/0/9", "pmin", "gt").code()).isEqualTo(ResponseCode.CHANGED);

        assertThat(device.dm.attributes().attachedAt(1, battery)).isEqualTo(NotificationAttributes.parse("pmax=60"));
        assertThat(device.dm.attributes().attachedAt(2, battery)).isEqualTo(NotificationAttributes.parse("pmax=10"));
        assertThat(device.dm.attributes().alongPath(1, battery)).containsExactly(NotificationAttributes.EMPTY,
                NotificationAttributes.EMPTY, NotificationAttributes.parse("pmax=60"));
    }

    @Test
    void attributes_that_break_a_rule_or_do_not_fit_the_target_are_refused() {
        TestDevice device = new TestDevice();
        writeAttributes(device, "/3/0/9", "gt=50");

        assertThat(writeAttributes(device, "/3/0/9", "lt=60").code()).as("lt must stay below gt")
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(writeAttributes(device, "/3/0", "gt=5").code()).as("gt attaches to resources")
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(writeAttributes(device, "/3/0/0", "gt=5").code()).as("a string has no threshold")
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(writeAttributes(device, "/3/0/9", "dim=3").code()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(writeAttributes(device, "/3/0/9", "pmin=x").code()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(writeAttributes(device, "/3/7", "pmin=1").code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.dm.attributes().attachedAt(1, LwM2mPath.parse("/3/0/9")))
                .isEqualTo(NotificationAttributes.parse("gt=50"));
    }
}
