package io.wisp.core.codec.tlv;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.ResourceTypes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the node a TLV payload holds for a path (Core TS §7.4.3 and §6.3.x: what each operation carries).
 *
 * <ul>
 *   <li>{@code /o}: object-instance TLVs; bare resource TLVs are one instance without an ID
 *       ({@link ObjectInstance#UNASSIGNED}, as in a Create that lets the client choose).</li>
 *   <li>{@code /o/i}: resource TLVs, or one object-instance TLV for instance {@code i} around them.</li>
 *   <li>{@code /o/i/r}: one resource or multiple-resource TLV for {@code r}; bare resource-instance TLVs are the
 *       instances of a multiple resource; an empty payload is an empty multiple resource when the model says
 *       multiple.</li>
 *   <li>{@code /o/i/r/ri}: one resource-instance TLV for {@code ri}, possibly inside the TLVs of its instance and
 *       resource.</li>
 * </ul>
 *
 * The structure comes from the TLVs; value types come from the model, and values no model types are Opaque (TLV
 * carries no types). Every inconsistency is malformed at the offset of the TLV at fault.
 */
final class TlvDecoder {
    private final ContentFormat format;
    private final byte[] in;
    private final LwM2mPath path;
    private final ObjectModels models;

    private TlvDecoder(ContentFormat format, byte[] in, LwM2mPath path, ObjectModels models) {
        this.format = format;
        this.in = in;
        this.path = path;
        this.models = models;
    }

    static LwM2mNode decode(ContentFormat format, byte[] content, LwM2mPath path, ObjectModels models) {
        if (content == null) {
            throw CodecException.malformed(format, 0, path, "no content");
        }
        if (path.isRoot()) {
            throw CodecException.unsupported(format, path, "TLV cannot carry the root path");
        }
        TlvDecoder d = new TlvDecoder(format, content, path, models);
        List<Tlv> top = TlvReader.read(content, 0, content.length, format, path);
        switch (path.depth()) {
            case 1:
                return d.object(top);
            case 2:
                return d.instance(path.instanceId(), d.insideInstance(top), path);
            case 3:
                return d.resourceAtPath(d.insideInstance(top));
            default:
                return d.resourceInstanceAtPath(d.insideResource(d.insideInstance(top)));
        }
    }

    private LwM2mObject object(List<Tlv> top) {
        TreeMap<Integer, ObjectInstance> instances = new TreeMap<>();
        if (!top.isEmpty() && top.get(0).isResource()) {
            ObjectInstance unassigned = instance(ObjectInstance.UNASSIGNED, top, path);
            instances.put(unassigned.id(), unassigned);
            return new LwM2mObject(path.objectId(), instances);
        }
        for (Tlv t : top) {
            if (t.type() != TlvType.OBJECT_INSTANCE) {
                throw unexpected(t, "object instance TLVs");
            }
            LwM2mPath instancePath = path.child(t.id());
            ObjectInstance i = instance(t.id(), children(t, instancePath), instancePath);
            if (instances.put(t.id(), i) != null) {
                throw malformed(t, "object instance " + t.id() + " appears twice");
            }
        }
        return new LwM2mObject(path.objectId(), instances);
    }

    /** The TLVs inside a lone object-instance TLV for the path's instance, else the TLVs as given. */
    private List<Tlv> insideInstance(List<Tlv> top) {
        if (top.size() == 1 && top.get(0).type() == TlvType.OBJECT_INSTANCE) {
            Tlv t = top.get(0);
            if (t.id() != path.instanceId()) {
                throw malformed(t, "the object instance TLV is for instance " + t.id() + ", the path for "
                        + path.instanceId());
            }
            return children(t, path);
        }
        return top;
    }

    /** The TLVs inside a lone multiple-resource TLV for the path's resource, else the TLVs as given. */
    private List<Tlv> insideResource(List<Tlv> tlvs) {
        if (tlvs.size() == 1 && tlvs.get(0).type() == TlvType.MULTIPLE_RESOURCE) {
            Tlv t = tlvs.get(0);
            if (t.id() != path.resourceId()) {
                throw malformed(t, "the multiple resource TLV is for resource " + t.id() + ", the path for "
                        + path.resourceId());
            }
            return children(t, path);
        }
        return tlvs;
    }

    private ObjectInstance instance(int id, List<Tlv> tlvs, LwM2mPath instancePath) {
        TreeMap<Integer, LwM2mResource> resources = new TreeMap<>();
        for (Tlv t : tlvs) {
            if (!t.isResource()) {
                throw unexpected(t, "resource or multiple resource TLVs");
            }
            LwM2mResource r = resource(t, pathBelow(instancePath, t.id()));
            if (resources.put(t.id(), r) != null) {
                throw malformed(t, "resource " + t.id() + " appears twice");
            }
        }
        return new ObjectInstance(id, resources);
    }

    private LwM2mResource resourceAtPath(List<Tlv> tlvs) {
        if (tlvs.isEmpty()) {
            Optional<ResourceModel> model = ResourceTypes.model(models, path);
            if (model.isPresent() && model.get().multiple()) {
                return MultipleResource.of(path.resourceId(), typeOrOpaque(path), List.of());
            }
            throw CodecException.malformed(format, 0, path, "the payload holds no TLV for resource " + path);
        }
        if (tlvs.get(0).type() == TlvType.RESOURCE_INSTANCE) {
            return multiple(path.resourceId(), tlvs, path);
        }
        Tlv t = tlvs.get(0);
        if (tlvs.size() > 1) {
            throw malformed(tlvs.get(1), "expected one TLV for resource " + path + ", found " + tlvs.size());
        }
        if (!t.isResource()) {
            throw unexpected(t, "a resource or multiple resource TLV");
        }
        if (t.id() != path.resourceId()) {
            throw malformed(t, "the TLV is for resource " + t.id() + ", the path for " + path.resourceId());
        }
        return resource(t, path);
    }

    private ResourceInstance resourceInstanceAtPath(List<Tlv> tlvs) {
        if (tlvs.size() != 1) {
            throw CodecException.malformed(format, tlvs.isEmpty() ? 0 : tlvs.get(1).offset(), path,
                    "expected one resource instance TLV, found " + tlvs.size());
        }
        Tlv t = tlvs.get(0);
        if (t.type() != TlvType.RESOURCE_INSTANCE) {
            throw unexpected(t, "a resource instance TLV");
        }
        if (t.id() != path.resourceInstanceId()) {
            throw malformed(t, "the TLV is for resource instance " + t.id() + ", the path for "
                    + path.resourceInstanceId());
        }
        return ResourceInstance.of(t.id(), TlvValues.read(in, t, type(path), format, path));
    }

    private LwM2mResource resource(Tlv t, LwM2mPath resourcePath) {
        if (t.type() == TlvType.RESOURCE_VALUE) {
            return SingleResource.of(t.id(), TlvValues.read(in, t, type(resourcePath), format, resourcePath));
        }
        return multiple(t.id(), children(t, resourcePath), resourcePath);
    }

    private MultipleResource multiple(int id, List<Tlv> tlvs, LwM2mPath resourcePath) {
        DataType declared = type(resourcePath);
        TreeMap<Integer, ResourceInstance> instances = new TreeMap<>();
        for (Tlv t : tlvs) {
            if (t.type() != TlvType.RESOURCE_INSTANCE) {
                throw unexpected(t, "resource instance TLVs");
            }
            ResourceInstance ri = ResourceInstance.of(t.id(), TlvValues.read(in, t, declared, format, resourcePath));
            if (instances.put(t.id(), ri) != null) {
                throw malformed(t, "resource instance " + t.id() + " appears twice");
            }
        }
        return new MultipleResource(id, declared == null ? DataType.OPAQUE : declared, instances);
    }

    private List<Tlv> children(Tlv t, LwM2mPath at) {
        if (t.type() == TlvType.RESOURCE_VALUE || t.type() == TlvType.RESOURCE_INSTANCE) {
            throw malformed(t, t.type().withArticle() + " TLV holds a value, not TLVs");
        }
        return TlvReader.read(in, t.valueOffset(), t.valueEnd(), format, at);
    }

    private DataType type(LwM2mPath at) {
        return ResourceTypes.of(models, at, format).orElse(null);
    }

    private DataType typeOrOpaque(LwM2mPath at) {
        DataType t = type(at);
        return t == null ? DataType.OPAQUE : t;
    }

    /** The path of a resource below an instance path; the instance of a Create without ID has none to name. */
    private LwM2mPath pathBelow(LwM2mPath instancePath, int resourceId) {
        LwM2mPath base = instancePath.isObject() ? instancePath.child(0) : instancePath;
        return base.child(resourceId);
    }

    private CodecException unexpected(Tlv t, String expected) {
        return malformed(t, "expected " + expected + " here, found " + t.type().withArticle() + " TLV (ID " + t.id()
                + ")");
    }

    private CodecException malformed(Tlv t, String reason) {
        return CodecException.malformed(format, t.offset(), path, reason);
    }
}
