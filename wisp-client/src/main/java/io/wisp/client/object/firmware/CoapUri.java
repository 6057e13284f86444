package io.wisp.client.object.firmware;

import io.wisp.transport.QueryParam;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code coap://} Package URI taken apart into the request it names (RFC 7252 §6.4): host, port (5683 when
 * absent), Uri-Path segments and Uri-Query options, each percent-decoded. Parsing fails with a
 * {@link FetchException}: result 7 for a URI that is malformed or names no host, 9 for another scheme.
 *
 * @param host the host as written (a name or an address literal, IPv6 without brackets)
 * @param port the UDP port
 * @param path the Uri-Path segments
 * @param query the Uri-Query options
 */
record CoapUri(String host, int port, List<String> path, List<QueryParam> query) {
    static final int DEFAULT_PORT = 5683;

    CoapUri {
        Objects.requireNonNull(host, "host");
        path = List.copyOf(path);
        query = List.copyOf(query);
    }

    static CoapUri parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, "not a URI (RFC 3986): " + e.getReason());
        }
        if (uri.getScheme() == null) {
            throw invalid(text, "no scheme");
        }
        UpdateProtocol protocol = UpdateProtocol.ofScheme(uri.getScheme()).orElseThrow(() -> new FetchException(
                UpdateResult.UNSUPPORTED_PROTOCOL, "scheme '" + uri.getScheme() + "' of " + text + " is unknown"));
        if (protocol != UpdateProtocol.COAP) {
            throw new FetchException(UpdateResult.UNSUPPORTED_PROTOCOL,
                    "this device downloads over coap:// only, not " + protocol.scheme() + "://");
        }
        if (uri.isOpaque() || uri.getHost() == null) {
            throw invalid(text, "no host");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(text, "a CoAP URI has no fragment (RFC 7252 §6.4)");
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        if (port == 0) {
            throw invalid(text, "port 0");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new CoapUri(host, port, segments(uri.getRawPath()), options(uri.getRawQuery()));
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return segments;
        }
        for (String s : rawPath.substring(1).split("/", -1)) {
            segments.add(percentDecode(s));
        }
        return segments;
    }

    private static List<QueryParam> options(String rawQuery) {
        List<QueryParam> options = new ArrayList<>();
        if (rawQuery == null) {
            return options;
        }
        for (String s : rawQuery.split("&", -1)) {
            options.add(QueryParam.parse(percentDecode(s)));
        }
        return options;
    }

    /** Decodes %XX escapes as UTF-8; {@link URI} has already checked that every escape has two hex digits. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int k = 0;
        while (k < s.length()) {
            int c = s.codePointAt(k);
            if (c == '%' && k + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(k + 1, k + 3), 16));
                k += 3;
            } else {
                out.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                k += Character.charCount(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static FetchException invalid(String text, String why) {
        return new FetchException(UpdateResult.INVALID_URI, "invalid Package URI '" + text + "': " + why);
    }
}
