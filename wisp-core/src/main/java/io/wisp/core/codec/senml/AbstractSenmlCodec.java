package io.wisp.core.codec.senml;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.MultiNodeCodec;
import io.wisp.core.codec.PathListCodec;
import io.wisp.core.codec.ResourceTypes;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.codec.leaf.LeafAssembler;
import io.wisp.core.codec.leaf.LeafValue;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The SenML codec logic shared by the JSON and CBOR representations and by their SenML-ETCH variants: records are
 * read and written by a {@link SenmlDialect}, resolved by {@link SenmlResolver}, typed by the models
 * ({@link SenmlValues}) and assembled into nodes by {@link LeafAssembler}.
 */
abstract class AbstractSenmlCodec implements MultiNodeCodec, PathListCodec {
    private final ContentFormat format;
    private final SenmlDialect dialect;
    private final Clock clock;
    private final boolean etch;
    private final SenmlPackReader reader;
    private final SenmlPackWriter writer;

    /**
     * @param etch  SenML-ETCH (RFC 8790): null values are read (and refused as unsupported), times are selectors,
     *              not measurement times, so content decodes as one group without time
     * @param clock "now" for relative SenML times (RFC 8428 §4.5.3)
     */
    AbstractSenmlCodec(ContentFormat format, SenmlDialect dialect, Clock clock, boolean etch) {
        this.format = Objects.requireNonNull(format, "format");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.etch = etch;
        this.reader = new SenmlPackReader(dialect, format, etch);
        this.writer = new SenmlPackWriter(dialect, format);
    }

    @Override
    public final ContentFormat format() {
        return format;
    }

    @Override
    public final boolean canEncode(LwM2mNode node, LwM2mPath path) {
        return SenmlPacks.problem(path, node, !dialect.carriesNonFinite()) == null;
    }

    @Override
    public final byte[] encode(LwM2mNode node, LwM2mPath path, ObjectModels models) {
        check(path, node);
        return writer.write(SenmlPacks.single(path, node));
    }

    @Override
    public final LwM2mNode decode(byte[] content, LwM2mPath path, ObjectModels models) {
        Objects.requireNonNull(path, "path");
        List<LeafValue> leaves = leaves(SenmlResolver.values(format, read(content)), models);
        return LeafAssembler.assemble(format, path, leaves, models);
    }

    @Override
    public final byte[] encodeNodes(Map<LwM2mPath, LwM2mNode> nodes, ObjectModels models) {
        Objects.requireNonNull(nodes, "nodes");
        nodes.forEach(this::check);
        checkNoOverlap(nodes.keySet());
        return writer.write(SenmlPacks.composite(nodes));
    }

    @Override
    public final SortedMap<LwM2mPath, LwM2mNode> decodeNodes(byte[] content, ObjectModels models) {
        List<LeafValue> leaves = leaves(SenmlResolver.values(format, read(content)), models);
        return LeafAssembler.leafNodes(format, leaves);
    }

    @Override
    public final byte[] encodeTimestamped(List<TimestampedNodes> data, ObjectModels models) {
        Objects.requireNonNull(data, "data");
        for (TimestampedNodes group : data) {
            if (etch && group.timestamp() != null) {
                throw CodecException.unsupported(format, null, "SenML-ETCH carries no measurement times "
                        + "(RFC 8790 §3: a time only selects records)");
            }
            if (group.nodes().isEmpty()) {
                throw CodecException.unsupported(format, null, "a group without nodes has no SenML record");
            }
            group.nodes().forEach(this::check);
            checkNoOverlap(group.nodes().keySet());
            if (group.nodes().values().stream().allMatch(n -> n instanceof LwM2mObject o
                    && o.instances().isEmpty())) {
                throw CodecException.unsupported(format, null, "a group without values has no SenML record");
            }
        }
        return writer.write(SenmlPacks.timestamped(data, clock.instant()));
    }

    @Override
    public final List<TimestampedNodes> decodeTimestamped(byte[] content, ObjectModels models) {
        List<SenmlResolver.Resolved> resolved = SenmlResolver.values(format, read(content));
        List<TimestampedNodes> groups = new ArrayList<>();
        Instant now = clock.instant();
        int start = 0;
        for (int k = 1; k <= resolved.size(); k++) {
            if (k == resolved.size() || !etch && !sameTime(resolved.get(start).time(), resolved.get(k).time())) {
                List<SenmlResolver.Resolved> group = resolved.subList(start, k);
                Instant timestamp = etch ? null : instant(group.get(0), now);
                groups.add(new TimestampedNodes(timestamp, LeafAssembler.leafNodes(format, leaves(group, models))));
                start = k;
            }
        }
        return groups;
    }

    @Override
    public final byte[] encodePaths(List<LwM2mPath> paths) {
        Objects.requireNonNull(paths, "paths");
        paths.forEach(p -> Objects.requireNonNull(p, "path"));
        return writer.write(SenmlPacks.paths(paths));
    }

    @Override
    public final List<LwM2mPath> decodePaths(byte[] content) {
        List<SenmlResolver.Resolved> resolved = SenmlResolver.paths(format, read(content));
        List<LwM2mPath> paths = new ArrayList<>(resolved.size());
        resolved.forEach(r -> paths.add(r.path()));
        return paths;
    }

    private List<SenmlRecord> read(byte[] content) {
        if (content == null) {
            throw CodecException.malformed(format, 0, null, "no content");
        }
        return reader.read(content);
    }

    private void check(LwM2mPath path, LwM2mNode node) {
        String problem = SenmlPacks.problem(path, node, !dialect.carriesNonFinite());
        if (problem != null) {
            throw CodecException.unsupported(format, path, problem);
        }
    }

    private void checkNoOverlap(Collection<LwM2mPath> paths) {
        LwM2mPath overlap = SenmlPacks.overlap(paths);
        if (overlap != null) {
            throw CodecException.unsupported(format, overlap, "lies within another path of the same content, "
                    + "so its values would appear twice");
        }
    }

    private List<LeafValue> leaves(List<SenmlResolver.Resolved> resolved, ObjectModels models) {
        List<LeafValue> leaves = new ArrayList<>(resolved.size());
        for (SenmlResolver.Resolved r : resolved) {
            if (r.value() instanceof SenmlValue.Null) {
                throw CodecException.unsupported(format, r.path(), "a null value asks to remove records "
                        + "(RFC 8790 §5); LwM2M Write-Composite removes nothing");
            }
            DataType type = ResourceTypes.of(models, r.path(), format).orElse(null);
            Value value;
            try {
                value = SenmlValues.toValue(r.value(), type);
            } catch (IllegalArgumentException e) {
                throw CodecException.malformed(format, r.offset(), r.path(), e.getMessage(), e);
            }
            leaves.add(new LeafValue(r.path(), value));
        }
        return leaves;
    }

    private Instant instant(SenmlResolver.Resolved r, Instant now) {
        try {
            return SenmlTimes.toInstant(r.time(), now);
        } catch (DateTimeException | ArithmeticException e) {
            throw CodecException.malformed(format, r.offset(), r.path(), "time " + r.time().toPlainString()
                    + " is out of range", e);
        }
    }

    private static boolean sameTime(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
