package io.wisp.client.dm;

import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Objects;

/**
 * The format the client answers in when the server sent no Accept (Core TS §7.4: the client chooses). The
 * preferred format follows the LwM2M version the client speaks — TLV for 1.0, SenML CBOR for 1.1 (TLV is also
 * common), LwM2M CBOR for 1.2 — and can be set explicitly. A value the preferred format cannot carry goes in the
 * first format that can (codec preference order).
 *
 * @param lwm2mVersion the LwM2M version the client registers with
 * @param preferred    the format of answers without Accept
 */
public record FormatPolicy(Version lwm2mVersion, ContentFormat preferred) {
    public FormatPolicy {
        Objects.requireNonNull(lwm2mVersion, "lwm2mVersion");
        Objects.requireNonNull(preferred, "preferred");
        if (!Codecs.standard().nodeFormats().contains(preferred)) {
            throw new IllegalArgumentException("preferred must be a format that carries nodes, one of "
                    + Codecs.standard().nodeFormats() + ", got " + preferred);
        }
    }

    /** The usual preference of a client of this version. */
    public static FormatPolicy forVersion(Version lwm2mVersion) {
        ContentFormat preferred = lwm2mVersion.isAtLeast(Version.V1_2) ? ContentFormat.LWM2M_CBOR
                : lwm2mVersion.isAtLeast(Version.V1_1) ? ContentFormat.SENML_CBOR : ContentFormat.TLV;
        return new FormatPolicy(lwm2mVersion, preferred);
    }

    /** The format for a node read at a path: the preferred one when it can carry it, else the first that can. */
    public ContentFormat forNode(Codecs codecs, LwM2mNode node, LwM2mPath path) {
        List<ContentFormat> possible = codecs.formatsFor(node, path);
        if (possible.contains(preferred) || possible.isEmpty()) {
            return preferred;
        }
        return possible.get(0);
    }

    /**
     * The format of a composite answer (Read-Composite, Observe-Composite): the SenML encoding of the request body,
     * else the preferred format when it is composite, else SenML CBOR.
     */
    public ContentFormat forComposite(Codecs codecs, ContentFormat requestFormat) {
        if (ContentFormat.SENML_JSON.equals(requestFormat) || ContentFormat.SENML_ETCH_JSON.equals(requestFormat)) {
            return ContentFormat.SENML_JSON;
        }
        if (ContentFormat.SENML_CBOR.equals(requestFormat) || ContentFormat.SENML_ETCH_CBOR.equals(requestFormat)) {
            return ContentFormat.SENML_CBOR;
        }
        return codecs.multiNodeFormats().contains(preferred) ? preferred : ContentFormat.SENML_CBOR;
    }
}
