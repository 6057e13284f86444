package io.wisp.server.registration;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.server.registration.RegistrationRequestException.Problem;
import io.wisp.transport.QueryParam;
import io.wisp.transport.UplinkRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads Register and Update requests from their Uri-Query and payload (Core TS §6.2.1–6.2.2, Transport TS §6.2),
 * tolerating what real clients send: parameters in any order, a bare {@code Q}, the 1.0 form {@code b=UQ}, no
 * {@code b}, an Update payload without Content-Format, a Register payload without {@code </>}. Unknown Register
 * parameters are kept as additional attributes; a repeated parameter is refused as ambiguous.
 */
public final class RegistrationQuery {
    /** The enabler versions this server implements; anything else well-formed gets 4.12. */
    public static final List<Version> SUPPORTED_VERSIONS = List.of(Version.V1_0, Version.V1_1, Version.V1_2);

    private RegistrationQuery() {
    }

    /** The Register request in {@code request}; throws {@link RegistrationRequestException}. */
    public static RegisterRequest register(UplinkRequest request) {
        return register(request, null);
    }

    /**
     * As {@link #register(UplinkRequest)}, taking {@code impliedEndpoint} (the endpoint the client's DTLS identity
     * names, or {@code null}) when the request has no {@code ep}: Core TS §6.2.1 lets a client leave the Endpoint
     * Client Name out when the server can tell it from the security association.
     */
    public static RegisterRequest register(UplinkRequest request, String impliedEndpoint) {
        // one pass over the query, no intermediate map: this runs for every Register
        String ep = null;
        String lt = null;
        String lwm2m = null;
        String b = null;
        String sms = null;
        String pid = null;
        boolean q = false;
        Map<String, String> others = null;
        int seen = 0;
        for (QueryParam param : request.query()) {
            String value = param.isFlag() ? "" : param.value();
            int bit;
            switch (param.name()) {
                case "ep":
                    ep = value;
                    bit = 1;
                    break;
                case "lt":
                    lt = value;
                    bit = 2;
                    break;
                case "lwm2m":
                    lwm2m = value;
                    bit = 4;
                    break;
                case "b":
                    b = value;
                    bit = 8;
                    break;
                case "sms":
                    sms = value;
                    bit = 16;
                    break;
                case "pid":
                    pid = value;
                    bit = 32;
                    break;
                case "Q":
                    q = true;
                    bit = 64;
                    break;
                default:
                    if (others == null) {
                        others = new LinkedHashMap<>();
                    }
                    bit = others.put(param.name(), value) == null ? 0 : -1;
                    break;
            }
            if (bit == -1 || (seen & bit) != 0) {
                throw repeated(param.name());
            }
            seen |= bit;
        }
        String endpoint = ep != null ? ep : impliedEndpoint;
        if (endpoint == null || endpoint.isEmpty()) {
            throw bad("the Endpoint Client Name 'ep' is missing or empty");
        }
        long lifetime = lt != null ? lifetime(lt) : RegisterRequest.DEFAULT_LIFETIME;
        Version version = lwm2m != null ? version(lwm2m) : Version.V1_0;
        boolean queue = q;
        Binding binding = Binding.UDP;
        if (b != null) {
            queue |= b.indexOf('Q') >= 0;
            binding = binding(b);
        }
        String smsNumber = nonEmpty(sms, "sms");
        String profileId = nonEmpty(pid, "pid");
        CompactObjectLinks links = links(request, true);
        return new RegisterRequest(endpoint, lifetime, version, binding, queue, smsNumber, profileId,
                others == null ? Map.of() : others, links);
    }

    /** The Update request in {@code request} for the registration {@code id}; throws on bad parameters. */
    public static UpdateRequest update(String id, UplinkRequest request) {
        Map<String, String> params = collect(request.query());
        Long lifetime = params.containsKey("lt") ? lifetime(params.get("lt")) : null;
        Boolean queue = params.containsKey("Q") ? Boolean.TRUE : null;
        Binding binding = null;
        if (params.containsKey("b")) {
            String b = params.get("b");
            if (b.indexOf('Q') >= 0) {
                queue = Boolean.TRUE;
            }
            binding = binding(b);
        }
        String sms = text(params, "sms");
        CompactObjectLinks links = request.payloadLength() == 0 ? null : links(request, false);
        return new UpdateRequest(id, lifetime, binding, queue, sms, links);
    }

    private static Map<String, String> collect(List<QueryParam> query) {
        Map<String, String> params = new LinkedHashMap<>(query.size() * 2);
        for (QueryParam q : query) {
            if (params.put(q.name(), q.isFlag() ? "" : q.value()) != null) {
                throw repeated(q.name());
            }
        }
        return params;
    }

    private static long lifetime(String text) {
        if (text.isEmpty() || text.length() > 10 || !digitsOnly(text)) {
            throw bad("the lifetime 'lt' must be a number of seconds in 0.." + RegisterRequest.MAX_LIFETIME
                    + ", got '" + text + "'");
        }
        long value = Long.parseLong(text);
        if (value > RegisterRequest.MAX_LIFETIME) {
            throw bad("the lifetime 'lt' must be at most " + RegisterRequest.MAX_LIFETIME + ", got " + text);
        }
        return value;
    }

    private static boolean digitsOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Version version(String text) {
        if (!Version.isValid(text)) {
            throw bad("the version 'lwm2m' must look like 1.1, got '" + text + "'");
        }
        Version v = Version.parse(text);
        for (Version supported : SUPPORTED_VERSIONS) {
            if (supported.equals(v)) {
                return supported;
            }
        }
        throw new RegistrationRequestException(Problem.UNSUPPORTED_VERSION,
                "LwM2M version " + v + " is not supported; supported: " + SUPPORTED_VERSIONS);
    }

    private static Binding binding(String text) {
        String letters = text.replace("Q", "");
        if (letters.isEmpty()) {
            throw bad("the binding 'b' must name at least one transport, got '" + text + "'");
        }
        try {
            return Binding.parse(letters);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static String text(Map<String, String> params, String name) {
        return nonEmpty(params.remove(name), name);
    }

    private static String nonEmpty(String value, String name) {
        if (value != null && value.isEmpty()) {
            throw bad("the parameter '" + name + "' must have a value");
        }
        return value;
    }

    private static CompactObjectLinks links(UplinkRequest request, boolean register) {
        OptionalInt format = request.contentFormat();
        if (format.isPresent() && format.getAsInt() != ContentFormat.LINK.code()) {
            throw new RegistrationRequestException(Problem.BAD_CONTENT_FORMAT, "the object links must be "
                    + ContentFormat.LINK + ", got Content-Format " + format.getAsInt());
        }
        if (request.payloadLength() == 0) {
            return CompactObjectLinks.EMPTY;
        }
        try {
            return CompactObjectLinks.parse(request.payloadAsString());
        } catch (IllegalArgumentException e) {
            throw new RegistrationRequestException(Problem.BAD_PAYLOAD,
                    (register ? "Register" : "Update") + " payload: " + e.getMessage());
        }
    }

    private static RegistrationRequestException repeated(String name) {
        return bad("the parameter '" + name + "' appears more than once");
    }

    private static RegistrationRequestException bad(String message) {
        return new RegistrationRequestException(Problem.BAD_PARAMETER, message);
    }
}
