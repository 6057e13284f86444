package io.wisp.bench.load;

import io.wisp.bench.jmh.DeviceInstance;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the virtual devices answer and send, encoded once with Wisp's codecs (the Leshan server decodes the same
 * bytes): Reads of the Device object instance {@link DeviceInstance} or one of its resources, in the format the
 * request's Accept names; notifications of {@link #STAMP_PATH} (Memory Free, an Integer) carrying a send-time stamp
 * that is patched in place ({@link EventCounter#STAMP_BASE}); and the SenML records of a Send.
 */
final class DevicePayloads {
    /** The observed resource of {@code notify-ingest}: {@code /3/0/10} Memory Free, an Integer. */
    static final LwM2mPath STAMP_PATH = LwM2mPath.of(3, 0, 10);
    /** The Send scenario's data: Battery Level, Memory Free and Current Time of {@code /3/0}. */
    static final List<LwM2mPath> SEND_PATHS = List.of(LwM2mPath.of(3, 0, 9), LwM2mPath.of(3, 0, 10),
            LwM2mPath.of(3, 0, 13));
    private static final long PROBE = EventCounter.STAMP_BASE + 123_456_789_012_345L;
    private static final Map<String, ContentFormat> FORMATS = Map.of("tlv", ContentFormat.TLV, "senml-cbor",
            ContentFormat.SENML_CBOR, "senml-json", ContentFormat.SENML_JSON);

    private final Codecs codecs = Codecs.standard();
    private final ObjectModels models = ModelRegistry.bundled();
    private final ObjectInstance device = DeviceInstance.create();
    private final Map<String, byte[]> reads = new HashMap<>();

    /** The content format named on the command line: {@code tlv}, {@code senml-cbor} or {@code senml-json}. */
    static ContentFormat format(String name) {
        ContentFormat f = FORMATS.get(name.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("--format must be one of tlv, senml-cbor, senml-json; got '" + name
                    + "'");
        }
        return f;
    }

    /** The answer to a Read of {@code path} in {@code format}, or {@code null} when there is nothing there. */
    byte[] read(String path, int format) {
        return reads.computeIfAbsent(path + "|" + format, k -> encodeRead(path, format));
    }

    private byte[] encodeRead(String pathText, int format) {
        LwM2mPath path;
        try {
            path = LwM2mPath.parse(pathText);
        } catch (RuntimeException e) {
            return null;
        }
        LwM2mNode node;
        if (path.equals(DeviceInstance.PATH)) {
            node = device;
        } else if (path.isResource() && path.parent().equals(DeviceInstance.PATH)) {
            node = device.resource(path.resourceId());
        } else {
            return null;
        }
        ContentFormat f = ContentFormat.of(format);
        return node == null || !codecs.supports(f) ? null : codecs.encode(f, node, path, models);
    }

    /** A notification payload of {@link #STAMP_PATH} in {@code format} and where its stamp is, for patching. */
    StampTemplate stamp(ContentFormat format) {
        byte[] payload = codecs.encode(format, SingleResource.of(STAMP_PATH.resourceId(), Value.of(PROBE)),
                STAMP_PATH, models);
        boolean text = format.equals(ContentFormat.SENML_JSON);
        byte[] probe = text ? Long.toString(PROBE).getBytes(StandardCharsets.US_ASCII) : bigEndian(PROBE);
        int at = CoapPackets.indexOf(payload, probe);
        if (at < 0) {
            throw new IllegalStateException(format + " does not carry the stamp as 8 bytes or 19 digits");
        }
        return new StampTemplate(payload, at, text);
    }

    /** A Send payload ({@code POST /dp}, Core TS §6.4.5) with the {@link #SEND_PATHS} values of the device. */
    byte[] send(ContentFormat format) {
        Map<LwM2mPath, LwM2mNode> nodes = new LinkedHashMap<>();
        for (LwM2mPath p : SEND_PATHS) {
            nodes.put(p, device.resource(p.resourceId()));
        }
        return codecs.encodeNodes(format, nodes, models);
    }

    private static byte[] bigEndian(long v) {
        byte[] b = new byte[8];
        for (int k = 0; k < 8; k++) {
            b[k] = (byte) (v >>> (56 - 8 * k));
        }
        return b;
    }

    /** A notification payload whose stamp can be overwritten in place. */
    static final class StampTemplate {
        private final byte[] payload;
        private final int at;
        private final boolean text;

        StampTemplate(byte[] payload, int at, boolean text) {
            this.payload = payload;
            this.at = at;
            this.text = text;
        }

        int length() {
            return payload.length;
        }

        /** Copies the payload to {@code out} at {@code offset} with {@code stamp} as the value; returns its end. */
        int write(byte[] out, int offset, long stamp) {
            System.arraycopy(payload, 0, out, offset, payload.length);
            int pos = offset + at;
            if (text) {
                for (int k = 18; k >= 0; k--) {
                    out[pos + k] = (byte) ('0' + stamp % 10);
                    stamp /= 10;
                }
            } else {
                for (int k = 0; k < 8; k++) {
                    out[pos + k] = (byte) (stamp >>> (56 - 8 * k));
                }
            }
            return offset + payload.length;
        }
    }
}
