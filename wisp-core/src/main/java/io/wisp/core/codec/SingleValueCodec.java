package io.wisp.core.codec;

import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Optional;

/**
 * The shape shared by the formats that carry one value (Core TS §7.4.1 text/plain, §7.4.2 octet-stream and the
 * CBOR format of §7.4): a single-instance resource at {@code /o/i/r} or a resource instance at {@code /o/i/r/ri},
 * nothing else. Subclasses only turn one value into bytes and back.
 */
public abstract class SingleValueCodec implements NodeCodec {

    /** Whether this format can carry this value at all (e.g. octet-stream carries Opaque only); every value here. */
    protected boolean canCarry(Value value) {
        return true;
    }

    /** Why {@link #canCarry} refused the value, for the UNSUPPORTED error. */
    protected String refusal(Value value) {
        return format().name() + " cannot carry the " + value.type().ddfName() + " value " + value;
    }

    protected abstract byte[] encodeValue(Value value, LwM2mPath path);

    /** The value in the content; {@code type} is null when no model types the resource. */
    protected abstract Value decodeValue(byte[] content, DataType type, LwM2mPath path);

    @Override
    public final boolean canEncode(LwM2mNode node, LwM2mPath path) {
        Value v = valueAt(node, path);
        return v != null && canCarry(v);
    }

    @Override
    public final byte[] encode(LwM2mNode node, LwM2mPath path, ObjectModels models) {
        Value v = valueAt(node, path);
        if (v == null) {
            throw CodecException.unsupported(format(), path, format().name() + " carries one value: a single-instance "
                    + "resource at /o/i/r or a resource instance at /o/i/r/ri with the same ID, not a "
                    + node.getClass().getSimpleName() + " at " + path);
        }
        if (!canCarry(v)) {
            throw CodecException.unsupported(format(), path, refusal(v));
        }
        return encodeValue(v, path);
    }

    @Override
    public final LwM2mNode decode(byte[] content, LwM2mPath path, ObjectModels models) {
        if (content == null) {
            throw CodecException.malformed(format(), 0, path, "no content");
        }
        if (path.depth() < 3) {
            throw CodecException.unsupported(format(), path, format().name() + " carries a single value, not the "
                    + "object or object instance at " + path);
        }
        Optional<ResourceModel> model = ResourceTypes.model(models, path);
        if (path.isResource() && model.isPresent() && model.get().multiple()) {
            throw CodecException.unsupported(format(), path, "resource " + path + " is multiple-instance; "
                    + format().name() + " carries single values only");
        }
        DataType type = ResourceTypes.of(models, path, format()).orElse(null);
        Value value = decodeValue(content, type, path);
        return path.isResource() ? SingleResource.of(path.resourceId(), value)
                : ResourceInstance.of(path.resourceInstanceId(), value);
    }

    private static Value valueAt(LwM2mNode node, LwM2mPath path) {
        if (path.isResource() && node instanceof SingleResource s && s.id() == path.resourceId()) {
            return s.value();
        }
        if (path.isResourceInstance() && node instanceof ResourceInstance ri && ri.id() == path.resourceInstanceId()) {
            return ri.value();
        }
        return null;
    }
}
