package io.wisp.core.codec.senml;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Checks a TS vector against one SenML codec, the vector written as the TS prints it: JSON text or CBOR hex. "Both
 * ways" means the vector decodes to the expected nodes and the nodes encode to the vector, byte for byte.
 */
record TsVectorCheck(AbstractSenmlCodec codec, ObjectModels models, Function<String, byte[]> bytes,
                     Function<byte[], String> text) {

    static TsVectorCheck json(AbstractSenmlCodec codec, ObjectModels models) {
        return new TsVectorCheck(codec, models, s -> s.getBytes(StandardCharsets.UTF_8),
                b -> new String(b, StandardCharsets.UTF_8));
    }

    static TsVectorCheck cborHex(AbstractSenmlCodec codec, ObjectModels models) {
        HexFormat hex = HexFormat.of();
        return new TsVectorCheck(codec, models, hex::parseHex, hex::formatHex);
    }

    void nodeBothWays(String vector, String path, LwM2mNode node) {
        LwM2mPath p = LwM2mPath.parse(path);
        assertThat(codec.decode(bytes.apply(vector), p, models)).isEqualTo(node);
        assertThat(text.apply(codec.encode(node, p, models))).isEqualTo(vector);
    }

    void nodesBothWays(String vector, Map<LwM2mPath, LwM2mNode> nodes) {
        assertThat(codec.decodeNodes(bytes.apply(vector), models)).isEqualTo(nodes);
        assertThat(text.apply(codec.encodeNodes(nodes, models))).isEqualTo(vector);
    }

    void pathsBothWays(String vector, List<LwM2mPath> paths) {
        assertThat(codec.decodePaths(bytes.apply(vector))).containsExactlyElementsOf(paths);
        assertThat(text.apply(codec.encodePaths(paths))).isEqualTo(vector);
    }

    /** The vector's nodes, decoded without models: each value keeps the kind SenML gives it. */
    SortedMap<LwM2mPath, LwM2mNode> untypedNodes(String vector) {
        return codec.decodeNodes(bytes.apply(vector), ObjectModels.none());
    }

    /** The vector's timestamped groups, decoded without models. */
    List<TimestampedNodes> untypedGroups(String vector) {
        return codec.decodeTimestamped(bytes.apply(vector), ObjectModels.none());
    }
}
