package io.wisp.app;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads a LwM2M Server URI option, {@code coap://host[:port]} (the Server URI of Core TS Appendix E.1; port 5683
 * when left out, Transport TS §6.1), into the resolved address the client sends to. CoAP over DTLS
 * ({@code coaps://}) is refused until the security issue brings it; so is anything that is not a bare server
 * address.
 */
final class CoapServerUri implements CommandLine.ITypeConverter<InetSocketAddress> {
    static final int DEFAULT_PORT = 5683;

    @Override
    public InetSocketAddress convert(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a URI (" + e.getReason()
                    + "); expected coap://host[:port]");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ("coaps".equals(scheme)) {
            throw new CommandLine.TypeConversionException("'" + value + "': coaps:// (DTLS) is not supported yet; "
                    + "use coap://host[:port]");
        }
        if (!"coap".equals(scheme)) {
            throw new CommandLine.TypeConversionException("'" + value + "' must start with coap://, "
                    + "e.g. coap://127.0.0.1:5683");
        }
        if (uri.getHost() == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' has no host; expected coap://host[:port]");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a server address only, "
                    + "coap://host[:port], without path, query or user");
        }
        try {
            InetAddress address = InetAddress.getByName(uri.getHost());
            return new InetSocketAddress(address, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
        } catch (UnknownHostException e) {
            throw new CommandLine.TypeConversionException("'" + value + "': unknown host " + uri.getHost());
        }
    }

    /** How the address is shown back to the operator. */
    static String display(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return "coap://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
