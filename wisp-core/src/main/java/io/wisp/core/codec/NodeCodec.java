package io.wisp.core.codec;

import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;

/**
 * One content format's encoder and decoder for a single node at a path (Read, Write, Create, notifications).
 * Implementations are stateless and thread-safe; types come from the models, and data whose model is unknown is
 * decoded as Opaque (or the format's own type, where it carries one) with a warning, never dropped.
 * Every failure is a {@link CodecException}.
 */
public interface NodeCodec {

    ContentFormat format();

    /** Whether this format can carry this node addressed by this path (e.g. text/plain carries single values only). */
    boolean canEncode(LwM2mNode node, LwM2mPath path);

    byte[] encode(LwM2mNode node, LwM2mPath path, ObjectModels models);

    /**
     * Decodes the node the content holds for {@code path}: an object for {@code /o}, an instance for {@code /o/i},
     * a resource for {@code /o/i/r}, a resource instance for {@code /o/i/r/ri}.
     */
    LwM2mNode decode(byte[] content, LwM2mPath path, ObjectModels models);
}
