package io.wisp.core.codec;

import io.wisp.core.codec.cbor.CborCodec;
import io.wisp.core.codec.lwm2mcbor.LwM2mCborCodec;
import io.wisp.core.codec.omajson.OmaJsonCodec;
import io.wisp.core.codec.opaque.OpaqueCodec;
import io.wisp.core.codec.senml.SenmlCborCodec;
import io.wisp.core.codec.senml.SenmlEtchCborCodec;
import io.wisp.core.codec.senml.SenmlEtchJsonCodec;
import io.wisp.core.codec.senml.SenmlJsonCodec;
import io.wisp.core.codec.text.TextCodec;
import io.wisp.core.codec.tlv.TlvCodec;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The one entry point to Wisp's content formats (Core TS §7.4): given a {@link ContentFormat}, encode or decode a
 * node at a path, several nodes at several paths (composite operations), timestamped groups (Send, historical
 * notifications) and path lists (Read- and Observe-Composite bodies); and say which formats can carry a node.
 *
 * <p>An instance is immutable and thread-safe. A format no registered codec handles, or an operation the format's
 * codec does not offer (e.g. composite content in TLV), fails with {@link CodecException.Kind#UNSUPPORTED}, which
 * a server answers with 4.15. Codecs are registered in preference order: {@link #formatsFor} lists in that order.
 */
public final class Codecs {
    private static final SenmlJsonCodec SENML_JSON = new SenmlJsonCodec();
    private static final SenmlCborCodec SENML_CBOR = new SenmlCborCodec();
    private static final SenmlEtchJsonCodec SENML_ETCH_JSON = new SenmlEtchJsonCodec();
    private static final SenmlEtchCborCodec SENML_ETCH_CBOR = new SenmlEtchCborCodec();

    private static final Codecs STANDARD = new Codecs(
            List.of(
                    new LwM2mCborCodec(),
                    SENML_CBOR,
                    SENML_JSON,
                    TlvCodec.STANDARD,
                    OmaJsonCodec.STANDARD,
                    TextCodec.INSTANCE,
                    CborCodec.INSTANCE,
                    OpaqueCodec.INSTANCE,
                    TlvCodec.LEGACY,
                    OmaJsonCodec.LEGACY),
            List.of(SENML_ETCH_CBOR, SENML_ETCH_JSON),
            List.of(SENML_CBOR, SENML_JSON, SENML_ETCH_CBOR, SENML_ETCH_JSON));

    private final Map<Integer, NodeCodec> nodeCodecs;
    private final Map<Integer, MultiNodeCodec> multiNodeCodecs;
    private final Map<Integer, PathListCodec> pathListCodecs;

    /**
     * Codecs for single nodes (a {@link MultiNodeCodec} among them also serves composite and timestamped content)
     * and for path lists; a format registered twice in one list is an error.
     */
    public Codecs(List<? extends NodeCodec> nodeCodecs, List<? extends PathListCodec> pathListCodecs) {
        this(nodeCodecs, List.of(), pathListCodecs);
    }

    /**
     * As {@link #Codecs(List, List)}, plus codecs that serve only composite content and are never offered for a
     * single node (SenML-ETCH, RFC 8790: the bodies of FETCH and iPATCH requests, not Read responses).
     */
    public Codecs(List<? extends NodeCodec> nodeCodecs, List<? extends MultiNodeCodec> compositeOnlyCodecs,
                  List<? extends PathListCodec> pathListCodecs) {
        Map<Integer, NodeCodec> nodes = new LinkedHashMap<>();
        Map<Integer, MultiNodeCodec> multis = new LinkedHashMap<>();
        for (NodeCodec c : nodeCodecs) {
            if (nodes.put(Objects.requireNonNull(c, "node codec").format().code(), c) != null) {
                throw new IllegalArgumentException("nodeCodecs: two codecs for " + c.format());
            }
            if (c instanceof MultiNodeCodec m) {
                multis.put(c.format().code(), m);
            }
        }
        for (MultiNodeCodec c : compositeOnlyCodecs) {
            if (nodes.containsKey(c.format().code()) || multis.put(c.format().code(), c) != null) {
                throw new IllegalArgumentException("compositeOnlyCodecs: two codecs for " + c.format());
            }
        }
        Map<Integer, PathListCodec> paths = new LinkedHashMap<>();
        for (PathListCodec c : pathListCodecs) {
            if (paths.put(Objects.requireNonNull(c, "path list codec").format().code(), c) != null) {
                throw new IllegalArgumentException("pathListCodecs: two codecs for " + c.format());
            }
        }
        this.nodeCodecs = Collections.unmodifiableMap(nodes);
        this.multiNodeCodecs = Collections.unmodifiableMap(multis);
        this.pathListCodecs = Collections.unmodifiableMap(paths);
    }

    /** Every format Wisp implements, shared by all callers. */
    public static Codecs standard() {
        return STANDARD;
    }

    /** Whether any codec handles this format (nodes or path lists). */
    public boolean supports(ContentFormat format) {
        return nodeCodecs.containsKey(format.code()) || multiNodeCodecs.containsKey(format.code())
                || pathListCodecs.containsKey(format.code());
    }

    /** The formats that carry single nodes, in preference order. */
    public List<ContentFormat> nodeFormats() {
        return nodeCodecs.values().stream().map(NodeCodec::format).toList();
    }

    /** The formats that carry nodes at several paths and timestamped groups, in preference order. */
    public List<ContentFormat> multiNodeFormats() {
        return multiNodeCodecs.values().stream().map(NodeCodec::format).toList();
    }

    /** The formats that carry path lists, in preference order. */
    public List<ContentFormat> pathListFormats() {
        return pathListCodecs.values().stream().map(PathListCodec::format).toList();
    }

    /** The formats that can carry this node addressed by this path, in preference order; empty when none. */
    public List<ContentFormat> formatsFor(LwM2mNode node, LwM2mPath path) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(path, "path");
        List<ContentFormat> out = new ArrayList<>();
        for (NodeCodec c : nodeCodecs.values()) {
            if (c.canEncode(node, path)) {
                out.add(c.format());
            }
        }
        return out;
    }

    /** The codec for a format; UNSUPPORTED when none is registered. */
    public NodeCodec nodeCodec(ContentFormat format) {
        NodeCodec c = nodeCodecs.get(Objects.requireNonNull(format, "format").code());
        if (c == null) {
            throw CodecException.unsupported(format, null, "no codec for content format " + format
                    + "; supported: " + nodeFormats());
        }
        return c;
    }

    public byte[] encode(ContentFormat format, LwM2mNode node, LwM2mPath path, ObjectModels models) {
        return nodeCodec(format).encode(Objects.requireNonNull(node, "node"), Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(models, "models"));
    }

    public LwM2mNode decode(ContentFormat format, byte[] content, LwM2mPath path, ObjectModels models) {
        return nodeCodec(format).decode(content, Objects.requireNonNull(path, "path"),
                Objects.requireNonNull(models, "models"));
    }

    public byte[] encodeNodes(ContentFormat format, Map<LwM2mPath, LwM2mNode> nodes, ObjectModels models) {
        return multi(format).encodeNodes(Objects.requireNonNull(nodes, "nodes"),
                Objects.requireNonNull(models, "models"));
    }

    public SortedMap<LwM2mPath, LwM2mNode> decodeNodes(ContentFormat format, byte[] content, ObjectModels models) {
        return multi(format).decodeNodes(content, Objects.requireNonNull(models, "models"));
    }

    public byte[] encodeTimestamped(ContentFormat format, List<TimestampedNodes> data, ObjectModels models) {
        return multi(format).encodeTimestamped(Objects.requireNonNull(data, "data"),
                Objects.requireNonNull(models, "models"));
    }

    public List<TimestampedNodes> decodeTimestamped(ContentFormat format, byte[] content, ObjectModels models) {
        return multi(format).decodeTimestamped(content, Objects.requireNonNull(models, "models"));
    }

    public byte[] encodePaths(ContentFormat format, List<LwM2mPath> paths) {
        return pathList(format).encodePaths(Objects.requireNonNull(paths, "paths"));
    }

    public List<LwM2mPath> decodePaths(ContentFormat format, byte[] content) {
        return pathList(format).decodePaths(content);
    }

    private MultiNodeCodec multi(ContentFormat format) {
        MultiNodeCodec c = multiNodeCodecs.get(Objects.requireNonNull(format, "format").code());
        if (c != null) {
            return c;
        }
        throw CodecException.unsupported(format, null, format + " cannot carry nodes at several paths or "
                + "timestamps; formats that can: " + multiNodeFormats());
    }

    private PathListCodec pathList(ContentFormat format) {
        PathListCodec c = pathListCodecs.get(Objects.requireNonNull(format, "format").code());
        if (c == null) {
            throw CodecException.unsupported(format, null, format + " cannot carry a path list; formats that can: "
                    + pathListFormats());
        }
        return c;
    }
}
