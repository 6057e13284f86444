package io.wisp.app.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.server.registration.Binding;
import io.wisp.server.registration.CompactObjectLinks;
import io.wisp.server.registration.RegisterRequest;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.UpdateRequest;
import io.wisp.transport.Peer;
import io.wisp.transport.PeerIdentity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link Registration} as one row of the {@code registration} table and back, every field kept: what the client
 * announced (Core TS §6.2.1), the peer downlinks go to (connector, address, port, DTLS identity kind and name), and the
 * times that decide expiry. The object links are kept as the payload text plus the alternate path and content formats
 * in force, because an Update without a root link keeps those of the Register ({@link CompactObjectLinks#withRootOf}).
 */
final class RegistrationRows {
    static final String COLUMNS = "id, endpoint, lwm2m_version, binding, queue_mode, lifetime, sms_number, profile_id,"
            + " attributes, connector, address, port, identity_kind, identity_name, object_links, alternate_path,"
            + " content_formats, registered_at, last_update_at, expires_at";
    static final String INSERT = "INSERT INTO registration (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String DELETE = "DELETE FROM registration WHERE id = ?";
    static final String RENEW = "UPDATE registration SET last_update_at = ?, expires_at = ? WHERE id = ?";
    static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM registration ORDER BY registered_at, last_update_at";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private RegistrationRows() {
    }

    /** Sets the parameters of {@link #INSERT} and adds the row to the statement's batch. */
    static void addInsert(PreparedStatement s, Registration r) throws SQLException {
        Peer peer = r.peer();
        CompactObjectLinks links = r.objectLinks();
        s.setString(1, r.id());
        s.setString(2, r.endpoint());
        s.setString(3, r.lwm2mVersion().toString());
        s.setString(4, r.binding().toString());
        s.setBoolean(5, r.queueMode());
        s.setLong(6, r.lifetime());
        nullable(s, 7, r.smsNumber());
        nullable(s, 8, r.profileId());
        nullable(s, 9, r.additionalAttributes().isEmpty() ? null : json(r.additionalAttributes()));
        s.setString(10, peer.connector());
        s.setString(11, peer.address().getAddress().getHostAddress());
        s.setInt(12, peer.address().getPort());
        PeerIdentity identity = peer.identity();
        nullable(s, 13, identity == null ? null : identity.kind().name());
        nullable(s, 14, identity == null ? null : identity.name());
        s.setString(15, links.payloadText());
        s.setString(16, links.alternatePath());
        s.setString(17, links.contentFormats().stream().map(f -> Integer.toString(f.code()))
                .collect(Collectors.joining(" ")));
        s.setLong(18, r.registeredAt().toEpochMilli());
        s.setLong(19, r.lastUpdateAt().toEpochMilli());
        s.setLong(20, r.expiresAtMillis());
        s.addBatch();
    }

    /** Sets the parameters of {@link #RENEW} and adds the row to the statement's batch. */
    static void addRenew(PreparedStatement s, Registration r) throws SQLException {
        s.setLong(1, r.lastUpdateAt().toEpochMilli());
        s.setLong(2, r.expiresAtMillis());
        s.setString(3, r.id());
        s.addBatch();
    }

    /**
     * The registration of the current row of a {@link #SELECT_ALL} result. Throws {@link IllegalArgumentException}
     * (or the core's {@link io.wisp.core.SyntaxException}) naming the bad column for a row that does not make one.
     */
    static Registration read(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        RegisterRequest request = new RegisterRequest(rs.getString("endpoint"), rs.getLong("lifetime"),
                Version.parse(rs.getString("lwm2m_version")), Binding.parse(rs.getString("binding")),
                rs.getBoolean("queue_mode"), rs.getString("sms_number"), rs.getString("profile_id"),
                attributes(rs.getString("attributes")), links(rs.getString("object_links"),
                        rs.getString("alternate_path"), rs.getString("content_formats")));
        Peer peer = new Peer(rs.getString("connector"),
                new InetSocketAddress(address(rs.getString("address")), rs.getInt("port")),
                identity(rs.getString("identity_kind"), rs.getString("identity_name")));
        long registeredAt = rs.getLong("registered_at");
        long lastUpdateAt = rs.getLong("last_update_at");
        Registration r = Registration.create(id, request, peer, Instant.ofEpochMilli(registeredAt));
        return lastUpdateAt == registeredAt ? r
                : r.updated(UpdateRequest.renew(id), peer, Instant.ofEpochMilli(lastUpdateAt));
    }

    /** The links as the server held them: the payload, under the alternate path and formats that were in force. */
    static CompactObjectLinks links(String payload, String alternatePath, String formats) {
        CompactObjectLinks links = CompactObjectLinks.parse(payload);
        List<ContentFormat> codes = formats.isBlank() ? List.of()
                : List.of(formats.trim().split(" ")).stream().map(c -> ContentFormat.of(Integer.parseInt(c))).toList();
        if (links.alternatePath().equals(alternatePath) && links.contentFormats().equals(codes)) {
            return links;
        }
        StringBuilder root = new StringBuilder("<").append(alternatePath).append(">;rt=\"oma.lwm2m\"");
        if (!codes.isEmpty()) {
            root.append(";ct=\"").append(formats.trim()).append('"');
        }
        CompactObjectLinks restored = links.withRootOf(CompactObjectLinks.parse(root.toString()));
        if (!restored.alternatePath().equals(alternatePath) || !restored.contentFormats().equals(codes)) {
            throw new IllegalArgumentException("object_links '" + payload + "' cannot take alternate_path '"
                    + alternatePath + "' and content_formats '" + formats + "'");
        }
        return restored;
    }

    private static Map<String, String> attributes(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes is not a JSON object of strings: " + e.getOriginalMessage(),
                    e);
        }
    }

    private static String json(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes as JSON", e);
        }
    }

    /** The DTLS identity of the peer, or {@code null} for an unsecured connector. */
    private static PeerIdentity identity(String kind, String name) {
        if (kind == null && name == null) {
            return null;
        }
        try {
            return new PeerIdentity(PeerIdentity.Kind.valueOf(String.valueOf(kind)), name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("identity_kind '" + kind + "' and identity_name do not make an"
                    + " identity (kind is one of PSK, RPK, X509, name is not empty)", e);
        }
    }

    /** An IP literal back to an address, never through a name lookup (a stored row holds only literals). */
    private static InetAddress address(String literal) {
        boolean ipv4 = literal != null && literal.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6 = literal != null && literal.indexOf(':') >= 0;
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("address must be an IP literal, got '" + literal + "'");
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must be an IP literal, got '" + literal + "'", e);
        }
    }

    private static void nullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }
}
