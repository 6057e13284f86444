package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;

/**
 * The format of the path list in a Read-Composite or Observe-Composite FETCH body (Core TS §6.3.8, §6.4.1): the one
 * the caller asked for; else SenML-ETCH for a 1.2 client that announced it (RFC 8790); else the SenML encoding that
 * matches the answer's format.
 */
final class PathListFormat {
    private PathListFormat() {
    }

    static ContentFormat choose(ContentFormat requested, DownlinkTarget target, ContentFormat answer) {
        if (requested != null) {
            return requested;
        }
        if (target.lwm2mVersion().isAtLeast(Version.V1_2)) {
            if (target.announced(ContentFormat.SENML_ETCH_CBOR)) {
                return ContentFormat.SENML_ETCH_CBOR;
            }
            if (target.announced(ContentFormat.SENML_ETCH_JSON)) {
                return ContentFormat.SENML_ETCH_JSON;
            }
        }
        return answer.equals(ContentFormat.SENML_JSON) ? ContentFormat.SENML_JSON : ContentFormat.SENML_CBOR;
    }
}
