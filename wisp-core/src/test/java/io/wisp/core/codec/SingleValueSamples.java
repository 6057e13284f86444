package io.wisp.core.codec;

import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
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
}
