package io.wisp.core.codec;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generated single values for the single-value formats: a single resource at /o/i/r or an instance at /o/i/r/ri. */
public final class SingleValueSamples {
    private SingleValueSamples() {
    }

    public static Arbitrary<NodeArbitraries.Sample> of(NodeArbitraries.Options options) {
        return NodeArbitraries.models(options)
                .flatMap(m -> Arbitraries.integers().between(3, 4)
                        .flatMap(depth -> NodeArbitraries.sampleAt(m, depth, options)))
                .filter(s -> s.node() instanceof SingleResource || s.node() instanceof ResourceInstance);
    }

    /** The node a single-value format carries at {@code path}: a single resource or a resource instance. */
    public static LwM2mNode nodeAt(LwM2mPath path, Value value) {
        return path.isResource() ? SingleResource.of(path.resourceId(), value)
                : ResourceInstance.of(path.resourceInstanceId(), value);
    }

    /** The value of a single resource or resource instance. */
    public static Value valueOf(LwM2mNode node) {
        return node instanceof SingleResource s ? s.value() : ((ResourceInstance) node).value();
    }
}
