package io.wisp.client.object.firmware;

import io.wisp.client.object.ObjectException;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The resources of one Write to {@code /5/0} or one of its resources, checked as a whole before anything changes
 * (a peer's bad value must leave no half-written state): writable in the model, single, of the right type and
 * range, and at most one of Package and Package URI.
 */
final class FirmwareWrite {
    private static final int MAX_URI_BYTES = 255;

    private final boolean replace;
    private Integer severity;
    private Long maxDeferPeriod;
    private Boolean automaticUpgrade;
    private byte[] pkg;
    private String uri;

    private FirmwareWrite(boolean replace) {
        this.replace = replace;
    }

    /**
     * Checks {@code resources}; {@code replaceInstance} is a Replace of the whole instance, which resets the
     * settings it leaves out.
     */
    static FirmwareWrite of(List<LwM2mResource> resources, boolean replaceInstance, ObjectModel model) {
        FirmwareWrite w = new FirmwareWrite(replaceInstance);
        for (LwM2mResource r : resources) {
            ResourceModel rm = model.resource(r.id());
            if (rm == null) {
                throw ObjectException.notFound("object 5 has no resource " + r.id());
            }
            FirmwareUpdateEnabler.checkWritable(rm);
            if (!(r instanceof SingleResource single)) {
                throw ObjectException.badRequest("resource /5/0/" + r.id() + " (" + rm.name() + ") is single");
            }
            w.take(rm, single.value());
        }
        if (w.pkg != null && w.uri != null) {
            throw ObjectException.badRequest("write either Package /5/0/0 or Package URI /5/0/1, not both");
        }
        return w;
    }

    void applyTo(FirmwareUpdateProcess process) {
        process.write(this::settings, pkg, uri);
    }

    private FirmwareStatus settings(FirmwareStatus s) {
        int newSeverity = severity != null ? severity : replace ? FirmwareStatus.DEFAULT_SEVERITY : s.severity();
        long newPeriod = maxDeferPeriod != null ? maxDeferPeriod : replace ? 0 : s.maxDeferPeriod();
        boolean newAuto = automaticUpgrade != null ? automaticUpgrade : !replace && s.automaticUpgrade();
        return s.withSettings(newSeverity, newPeriod, newAuto);
    }

    private void take(ResourceModel rm, Value v) {
        switch (rm.id()) {
            case FirmwareResource.PACKAGE:
                if (!(v instanceof Value.OpaqueValue o)) {
                    throw wrongType(rm, v);
                }
                pkg = o.value();
                break;
            case FirmwareResource.PACKAGE_URI:
                if (!(v instanceof Value.StringValue text)) {
                    throw wrongType(rm, v);
                }
                int bytes = text.value().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > MAX_URI_BYTES) {
                    throw ObjectException.badRequest("Package URI must be at most " + MAX_URI_BYTES
                            + " bytes (Core TS E.6), got " + bytes);
                }
                uri = text.value();
                break;
            case FirmwareResource.SEVERITY:
                long level = integer(rm, v);
                if (level < 0 || level > 2) {
                    throw ObjectException.badRequest("Severity must be 0, 1 or 2 (Core TS E.6), got " + level);
                }
                severity = (int) level;
                break;
            case FirmwareResource.MAX_DEFER_PERIOD:
                long seconds = integer(rm, v);
                if (seconds < 0) {
                    throw ObjectException.badRequest("Maximum Defer Period must not be negative, got " + seconds);
                }
                maxDeferPeriod = seconds;
                break;
            case FirmwareResource.AUTOMATIC_UPGRADE:
                if (!(v instanceof Value.BooleanValue flag)) {
                    throw wrongType(rm, v);
                }
                automaticUpgrade = flag.value();
                break;
            default:
                throw new IllegalStateException("resource /5/0/" + rm.id() + " is writable in the model but not served");
        }
    }

    /** An Integer or Unsigned Integer value as a long; unsigned values above 2^63-1 are refused. */
    private static long integer(ResourceModel rm, Value v) {
        if (v instanceof Value.IntegerValue i) {
            return i.value();
        }
        if (v instanceof Value.UnsignedIntegerValue u) {
            if (u.bits() < 0) {
                throw ObjectException.badRequest("resource /5/0/" + rm.id() + " (" + rm.name() + ") value " + u
                        + " is too large");
            }
            return u.bits();
        }
        throw wrongType(rm, v);
    }

    private static ObjectException wrongType(ResourceModel rm, Value v) {
        return ObjectException.badRequest("resource /5/0/" + rm.id() + " (" + rm.name() + ") takes "
                + rm.type().ddfName() + ", got " + v.type().ddfName());
    }
}
