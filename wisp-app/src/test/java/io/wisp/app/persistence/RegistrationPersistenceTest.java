package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.server.registration.Binding;
import io.wisp.server.registration.CompactObjectLinks;
import io.wisp.server.registration.RegisterRequest;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.UpdateRequest;
import io.wisp.transport.Peer;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.testing.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registrations written to the database and read back: every field, odd rows, and what loading does with them. */
class RegistrationPersistenceTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123Z"));

    private WispDatabase open() {
        return WispDatabase.open(dir, DatabaseOptions.defaults(), clock);
    }

    @Test
    void every_field_of_a_registration_survives_a_restart() throws Exception {
        Peer dtls = new Peer("coaps", new InetSocketAddress(InetAddress.getByName("::1"), 61616),
                PeerIdentity.psk("psk-id-7"));
        RegisterRequest full = new RegisterRequest("sensor-7", 3600, Version.V1_2, Binding.parse("UT"), true,
                "+15551234", "profile-9", Map.of("apn", "iot.example", "fw", "1.2.3"),
                CompactObjectLinks.parse("</lwm2m>;rt=\"oma.lwm2m\";ct=\"60 110 112\","
                        + "</lwm2m/1/0>,</lwm2m/3/0>,</lwm2m/3303>;ver=1.1,</lwm2m/3303/0>,</lwm2m/3303/1>"));
        Registration registered = Registration.create("Ab-9_xYz", full, dtls, clock.instant());
        clock.advance(Duration.ofSeconds(90));
        Peer natMoved = new Peer("coaps", new InetSocketAddress(InetAddress.getByName("::1"), 61999),
                PeerIdentity.psk("psk-id-7"));
        Registration updated = registered.updated(new UpdateRequest("Ab-9_xYz", 7200L, null, null, null, null),
                natMoved, clock.instant());

        // An Update with new links and no root link keeps the content formats announced at Register.
        Registration cbor = Registration.create("cbor1", new RegisterRequest("cbor-dev", 300, Version.V1_1,
                Binding.UDP, false, null, null, Map.of(),
                CompactObjectLinks.parse("</>;rt=\"oma.lwm2m\";ct=\"60 110 112\",</1/0>,</3/0>")), Registrations.PEER,
                clock.instant()).updated(new UpdateRequest("cbor1", null, null, null, null,
                        CompactObjectLinks.parse("</1/0>,</3/0>,</5/0>")), Registrations.PEER, clock.instant());
        assertThat(cbor.objectLinks().contentFormats())
                .containsExactly(ContentFormat.CBOR, ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR);

        Registration plain = Registration.create("plain1", new RegisterRequest("old-1.0", 0, Version.V1_0,
                Binding.UDP, false, null, null, Map.of(), CompactObjectLinks.EMPTY),
                Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 5999)), clock.instant());

        try (WispDatabase db = open()) {
            db.registrations().add(registered);
            db.registrations().update(registered.id(), r -> updated);
            db.registrations().add(plain);
            db.registrations().add(cbor);
        }
        try (WispDatabase db = open()) {
            Registration back = db.registrations().byEndpoint("sensor-7").orElseThrow();
            assertThat(Registrations.describe(back)).isEqualTo(Registrations.describe(updated));
            assertThat(back.objectLinks().version(3303)).contains(new Version(1, 1));
            assertThat(back.objectLinks().instances(3303)).containsExactly(0, 1);
            assertThat(back.objectLinks().alternatePath()).isEqualTo("/lwm2m");
            Registration cborBack = db.registrations().byId("cbor1").orElseThrow();
            assertThat(Registrations.describe(cborBack)).isEqualTo(Registrations.describe(cbor));
            assertThat(cborBack.objectLinks().hasObject(5)).isTrue();
            assertThat(back.expiresAtMillis()).isEqualTo(updated.expiresAtMillis());
            assertThat(Registrations.describe(db.registrations().byId("plain1").orElseThrow()))
                    .isEqualTo(Registrations.describe(plain));
        }
    }

    @Test
    void a_renewal_and_then_a_change_of_address_are_both_written() throws Exception {
        Registration r = Registrations.of("r1", "dev", 60, clock.instant());
        Peer moved = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 41000));
        try (WispDatabase db = open()) {
            db.registrations().add(r);
            db.flush();
            clock.advance(Duration.ofSeconds(30));
            db.registrations().update("r1", old -> Registrations.renewed(old, old.peer(), clock.instant()));
            db.flush();
            assertThat(Sql.column(dir, "SELECT last_update_at FROM registration"))
                    .containsExactly(Long.toString(clock.millis()));
            clock.advance(Duration.ofSeconds(30));
            db.registrations().update("r1", old -> Registrations.renewed(old, moved, clock.instant()));
        }
        try (WispDatabase db = open()) {
            Registration back = db.registrations().byId("r1").orElseThrow();
            assertThat(back.peer()).isEqualTo(moved);
            assertThat(back.lastUpdateAt()).isEqualTo(clock.instant());
        }
    }

    @Test
    void an_unreadable_row_is_dropped_and_the_others_load() throws Exception {
        try (WispDatabase db = open()) {
            db.registrations().add(Registrations.of("good", "good-ep", 60, clock.instant()));
            db.registrations().add(Registrations.of("bad", "bad-ep", 60, clock.instant()));
        }
        Sql.execute(dir, "UPDATE registration SET binding = 'XQ' WHERE id = 'bad'");
        try (WispDatabase db = open()) {
            assertThat(db.registrations().byId("good")).isPresent();
            assertThat(db.registrations().byId("bad")).isEmpty();
            assertThat(Sql.column(dir, "SELECT id FROM registration")).containsExactly("good");
        }
    }

    @Test
    void of_two_rows_for_one_endpoint_the_later_registration_wins_and_the_other_is_deleted() throws Exception {
        try (WispDatabase db = open()) {
            db.registrations().add(Registrations.of("older", "dev", 600, clock.instant()));
        }
        // What a kill between the two rows of a re-registration's batches could leave behind.
        Sql.execute(dir, "INSERT INTO registration SELECT 'newer', endpoint, lwm2m_version, binding, queue_mode,"
                + " lifetime, sms_number, profile_id, attributes, connector, address, port, identity_kind,"
                + " identity_name, object_links, alternate_path, content_formats, registered_at + 1000, last_update_at + 1000,"
                + " expires_at + 1000 FROM registration WHERE id = 'older'");
        try (WispDatabase db = open()) {
            assertThat(db.registrations().byEndpoint("dev")).map(Registration::id).contains("newer");
            assertThat(db.registrations().size()).isEqualTo(1);
            assertThat(Sql.column(dir, "SELECT id FROM registration")).containsExactly("newer");
        }
    }

    @Test
    void an_expired_registration_is_loaded_and_expires_at_the_next_sweep() throws Exception {
        try (WispDatabase db = open()) {
            db.registrations().add(Registrations.of("short", "dev", 30, clock.instant()));
            db.registrations().add(Registrations.of("long", "other", 3600, clock.instant()));
        }
        clock.advance(Duration.ofMinutes(5));
        try (WispDatabase db = open()) {
            assertThat(db.registrations().size()).isEqualTo(2);
            List<Registration> expired = db.registrations().removeExpired(clock.instant());
            assertThat(expired).extracting(Registration::id).containsExactly("short");
            db.flush();
            assertThat(Sql.column(dir, "SELECT id FROM registration")).containsExactly("long");
        }
    }

    @Test
    void an_id_used_again_before_its_removal_was_written_ends_up_as_the_new_registration() throws Exception {
        try (WispDatabase db = open()) {
            db.registrations().add(Registrations.of("same-id", "first", 600, clock.instant()));
            db.flush();
            db.registrations().remove("same-id");
            db.registrations().add(Registrations.of("same-id", "second", 600, clock.instant()));
            db.flush();
            assertThat(Sql.column(dir, "SELECT endpoint FROM registration")).containsExactly("second");
        }
        try (WispDatabase db = open()) {
            assertThat(db.registrations().byId("same-id").map(Registration::endpoint)).contains("second");
        }
    }

    @Test
    void with_sync_to_disk_every_store_still_writes_and_reads_back() throws Exception {
        DatabaseOptions synced = DatabaseOptions.defaults().withSyncToDisk(true);
        try (WispDatabase db = WispDatabase.open(dir, synced, clock)) {
            db.registrations().add(Registrations.of("r1", "synced", 600, clock.instant()));
            db.security().add(SecurityInfo.x509("synced", "CN-synced"));
            db.flush();
        }
        try (WispDatabase db = WispDatabase.open(dir, synced, clock)) {
            assertThat(db.registrations().byEndpoint("synced")).isPresent();
            assertThat(db.security().byEndpoint("synced")).isPresent();
        }
    }
}
