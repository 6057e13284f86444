package io.wisp.core.attributes;

import static io.wisp.core.attributes.AttributeLevel.OBJECT;
import static io.wisp.core.attributes.AttributeLevel.OBJECT_INSTANCE;
import static io.wisp.core.attributes.AttributeLevel.RESOURCE;
import static io.wisp.core.attributes.AttributeLevel.RESOURCE_INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.path.LwM2mPath;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeLevelsTest {

    /** The "Attachment" column of Core TS 1.2 Table 7.3.2.-1, written out independently of the enum. */
    private static final Map<String, Set<AttributeLevel>> TS_TABLE = Map.of(
            "pmin", EnumSet.allOf(AttributeLevel.class),
            "pmax", EnumSet.allOf(AttributeLevel.class),
            "gt", EnumSet.of(RESOURCE, RESOURCE_INSTANCE),
            "lt", EnumSet.of(RESOURCE, RESOURCE_INSTANCE),
            "st", EnumSet.of(RESOURCE, RESOURCE_INSTANCE),
            "epmin", EnumSet.allOf(AttributeLevel.class),
            "epmax", EnumSet.allOf(AttributeLevel.class),
            "edge", EnumSet.of(RESOURCE, RESOURCE_INSTANCE),
            "con", EnumSet.of(OBJECT, OBJECT_INSTANCE, RESOURCE, RESOURCE_INSTANCE),
            "hqmax", EnumSet.allOf(AttributeLevel.class));

    @Test
    void every_attribute_attaches_where_the_ts_table_says() {
        assertThat(NotificationAttribute.values()).hasSize(TS_TABLE.size());
        for (NotificationAttribute a : NotificationAttribute.values()) {
            assertThat(a.levels()).as(a.param()).isEqualTo(TS_TABLE.get(a.param()));
            assertThat(NotificationAttribute.byParam(a.param())).contains(a);
        }
    }

    @Test
    void a_path_gives_its_level_and_the_root_has_none() {
        assertThat(AttributeLevel.of(LwM2mPath.parse("/3303"))).contains(OBJECT);
        assertThat(AttributeLevel.of(LwM2mPath.parse("/3303/0"))).contains(OBJECT_INSTANCE);
        assertThat(AttributeLevel.of(LwM2mPath.parse("/3303/0/5700"))).contains(RESOURCE);
        assertThat(AttributeLevel.of(LwM2mPath.parse("/3303/0/5700/1"))).contains(RESOURCE_INSTANCE);
        assertThat(AttributeLevel.of(LwM2mPath.ROOT)).isEmpty();
    }

    @Test
    void answers_whether_an_attribute_may_be_attached_to_a_path() {
        assertThat(NotificationAttribute.GT.mayAttachTo(LwM2mPath.parse("/3303/0/5700"))).isTrue();
        assertThat(NotificationAttribute.GT.mayAttachTo(LwM2mPath.parse("/3303/0/5700/2"))).isTrue();
        assertThat(NotificationAttribute.GT.mayAttachTo(LwM2mPath.parse("/3303/0"))).isFalse();
        assertThat(NotificationAttribute.PMIN.mayAttachTo(LwM2mPath.parse("/3"))).isTrue();
        assertThat(NotificationAttribute.PMIN.mayAttachTo(LwM2mPath.ROOT)).isFalse();
    }

    @Test
    void writing_an_attribute_at_a_wrong_level_gives_a_clear_error() {
        assertThatThrownBy(() -> AttributeUpdate.parse("pmin=5&gt=5").requireAttachableTo(LwM2mPath.parse("/3/0")))
                .isInstanceOf(InvalidAttributesException.class)
                .hasMessageContaining("'gt' (Greater Than) cannot be attached to object instance /3/0")
                .hasMessageContaining("resource, resource instance");
        assertThatThrownBy(() -> NotificationAttributes.parse("pmin=5").requireAttachableTo(LwM2mPath.ROOT))
                .isInstanceOf(InvalidAttributesException.class).hasMessageContaining("root path");
        AttributeUpdate.parse("pmin=5&gt=5").requireAttachableTo(LwM2mPath.parse("/3303/0/5700"));
        NotificationAttributes.parse("con=1").requireAttachableTo(LwM2mPath.parse("/3303"));
    }
}
