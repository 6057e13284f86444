package io.wisp.bootstrap.uplink;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.BootstrapPackRequest;
import io.wisp.core.operation.BootstrapRequest;
import io.wisp.transport.CoapCode;
import io.wisp.transport.QueryParam;
import io.wisp.transport.UplinkRequest;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the Uri-Query of a Bootstrap-Request ({@code ep}, {@code pct}) and of a Bootstrap-Pack-Request ({@code ep},
 * plus its Accept option), Transport TS §6.1. Parameters it does not know are ignored, in any order. Refusals name
 * the parameter: 4.00 for a missing, empty, repeated or malformed one; 4.15 for a {@code pct} no configuration can
 * be written in; 4.06 for a Bootstrap-Pack format that cannot carry a whole configuration.
 */
final class BootstrapQuery {
    /** The formats a Bootstrap-Pack can be sent in, the first being the default when the client sends no Accept. */
    static final List<ContentFormat> PACK_FORMATS =
            List.of(ContentFormat.SENML_CBOR, ContentFormat.SENML_JSON, ContentFormat.LWM2M_CBOR);

    private BootstrapQuery() {
    }

    static BootstrapRequest bootstrapRequest(UplinkRequest request) {
        String endpoint = endpoint(request.query());
        String pct = single(request.query(), "pct");
        if (pct == null) {
            return new BootstrapRequest(endpoint, null);
        }
        ContentFormat preferred = ContentFormat.of(number("pct", pct));
        Set<ContentFormat> writable = BootstrapConfig.WRITE_FORMATS;
        if (!writable.contains(preferred)) {
            throw new UplinkRefusedException(CoapCode.UNSUPPORTED_CONTENT_FORMAT, "pct=" + pct + ": a configuration "
                    + "cannot be written in " + preferred + "; supported: " + codes(writable));
        }
        return new BootstrapRequest(endpoint, preferred);
    }

    static BootstrapPackRequest packRequest(UplinkRequest request) {
        String endpoint = endpoint(request.query());
        OptionalInt accept = request.accept();
        if (accept.isEmpty()) {
            return new BootstrapPackRequest(endpoint, PACK_FORMATS.get(0));
        }
        ContentFormat format = ContentFormat.of(accept.getAsInt());
        if (!PACK_FORMATS.contains(format)) {
            throw new UplinkRefusedException(CoapCode.NOT_ACCEPTABLE, "Accept " + format + ": a Bootstrap-Pack is "
                    + "sent in " + codes(PACK_FORMATS));
        }
        return new BootstrapPackRequest(endpoint, format);
    }

    private static String endpoint(List<QueryParam> query) {
        String endpoint = single(query, "ep");
        if (endpoint == null || endpoint.isEmpty()) {
            throw new UplinkRefusedException(CoapCode.BAD_REQUEST,
                    "the Endpoint Client Name 'ep' is missing or empty");
        }
        return endpoint;
    }

    /** The value of a parameter given at most once, or {@code null}; a flag without value counts as empty. */
    private static String single(List<QueryParam> query, String name) {
        String found = null;
        for (QueryParam q : query) {
            if (q.name().equals(name)) {
                if (found != null) {
                    throw new UplinkRefusedException(CoapCode.BAD_REQUEST, "'" + name + "' is given more than once");
                }
                found = q.isFlag() ? "" : q.value();
            }
        }
        return found;
    }

    private static int number(String name, String value) {
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UplinkRefusedException(CoapCode.BAD_REQUEST, name + "=" + value
                    + ": must be a content-format number in 0..65535");
        }
        int n = Integer.parseInt(value);
        if (n > 65535) {
            throw new UplinkRefusedException(CoapCode.BAD_REQUEST, name + "=" + value
                    + ": must be a content-format number in 0..65535");
        }
        return n;
    }

    private static String codes(Collection<ContentFormat> formats) {
        return formats.stream().sorted(Comparator.comparingInt(ContentFormat::code))
                .map(f -> f.name() + "=" + f.code()).toList().toString();
    }
}
