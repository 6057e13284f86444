package io.wisp.client.send;

import io.wisp.client.observe.NodeReader;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client's readable values for Send tests, and the decoding the server's Send handler does. */
final class SendTestData implements NodeReader {
    static final ObjectModels MODELS = ModelRegistry.bundled();

    private final Map<LwM2mPath, LwM2mNode> nodes = new HashMap<>();

    SendTestData put(String path, LwM2mNode node) {
        nodes.put(LwM2mPath.parse(path), node);
        return this;
    }

    @Override
    public Optional<LwM2mNode> read(int shortServerId, LwM2mPath path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /** Encodes as the client sends it, then decodes as wisp-server's SendHandler does. */
    static SendRequest roundTrip(SendRequest request) {
        SendPayload payload = SendPayload.encode(request, MODELS);
        ContentFormat format = payload.format();
        List<TimestampedNodes> data = Codecs.standard().decodeTimestamped(format, payload.content(), MODELS);
        return new SendRequest(format, data);
    }
}
