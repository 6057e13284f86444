package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import java.util.List;

/**
 * Which content format to ask a client for, or to write to it in, when the caller did not choose one (Core TS §7.4).
 *
 * <p>The preferred format follows the client's LwM2M version: TLV for 1.0 (the only structured format a 1.0 client
 * must support), SenML CBOR for 1.1, LwM2M CBOR for 1.2. It is used only when the client announced it in the
 * {@code ct} attribute of its Register root link (1.1+, Core TS §6.2.1); otherwise the first announced format of
 * LwM2M CBOR, SenML CBOR, SenML JSON, TLV, OMA JSON. A client that announced none gets TLV whatever its version:
 * every 1.0 client must read it, and 1.1/1.2 stacks that skip {@code ct} are in practice 1.0-era stacks with TLV
 * (the TS does not say what a server should assume here; this is Wisp's choice).
 */
public final class ContentFormatChoice {
    private static final List<ContentFormat> FALLBACK = List.of(ContentFormat.LWM2M_CBOR, ContentFormat.SENML_CBOR,
            ContentFormat.SENML_JSON, ContentFormat.TLV, ContentFormat.JSON);

    private ContentFormatChoice() {
    }

    /** The format a client of this version prefers when it announced every format. */
    public static ContentFormat preferred(Version lwm2mVersion) {
        if (lwm2mVersion.isAtLeast(Version.V1_2)) {
            return ContentFormat.LWM2M_CBOR;
        }
        if (lwm2mVersion.isAtLeast(Version.V1_1)) {
            return ContentFormat.SENML_CBOR;
        }
        return ContentFormat.TLV;
    }

    /** The default format for a client of this version that announced {@code announced} (maybe empty). */
    public static ContentFormat defaultFormat(Version lwm2mVersion, List<ContentFormat> announced) {
        if (announced.isEmpty()) {
            return ContentFormat.TLV;
        }
        ContentFormat preferred = preferred(lwm2mVersion);
        if (announced.contains(preferred)) {
            return preferred;
        }
        for (ContentFormat f : FALLBACK) {
            if (announced.contains(f)) {
                return f;
            }
        }
        return ContentFormat.TLV;
    }
}
