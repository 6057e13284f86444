package io.wisp.server.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.Version;
import io.wisp.server.testing.Uplinks;
import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The in-memory store against a plain map model, over random sequences of Register, Update, De-register and time
 * passing: same registrations found by ID and endpoint, same registrations expired, never one early or late.
 */
class RegistrationStoreModelTest {

    /** What the model knows of one registration. */
    private record Known(String endpoint, long lifetime, long lastUpdate) {
        long expiresAt() {
            return lifetime == 0 ? Long.MAX_VALUE : lastUpdate + lifetime * 1000;
        }
    }

    @Property(tries = 300)
    void behaves_like_a_map_with_deadlines(
            @ForAll @Size(max = 120) List<@IntRange(min = 0, max = 3999) Integer> operations) {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00.250Z"));
        InMemoryRegistrationStore store = new InMemoryRegistrationStore(clock);
        Map<String, Known> model = new HashMap<>();
        int nextId = 0;
        for (int op : operations) {
            int arg = op / 4;
            switch (op % 4) {
                case 0: {
                    String id = "id" + nextId++;
                    String endpoint = "ep" + arg % 5;
                    long lifetime = arg % 7 == 0 ? 0 : arg % 40;
                    Optional<Registration> replaced = store.add(create(id, endpoint, lifetime, clock.instant()));
                    Optional<String> expectedReplaced = model.entrySet().stream()
                            .filter(e -> e.getValue().endpoint().equals(endpoint)).map(Map.Entry::getKey).findFirst();
                    assertThat(replaced.map(Registration::id)).isEqualTo(expectedReplaced);
                    expectedReplaced.ifPresent(model::remove);
                    model.put(id, new Known(endpoint, lifetime, clock.millis()));
                    break;
                }
                case 1: {
                    String id = "id" + arg % Math.max(1, nextId);
                    Long lifetime = arg % 3 == 0 ? null : (long) (arg % 30);
                    Optional<UpdatedRegistration> updated = store.update(id, r -> r.updated(
                            new UpdateRequest(id, lifetime, null, null, null, null), Uplinks.PEER, clock.instant()));
                    assertThat(updated.isPresent()).isEqualTo(model.containsKey(id));
                    model.computeIfPresent(id, (k, known) -> new Known(known.endpoint(),
                            lifetime != null ? lifetime : known.lifetime(), clock.millis()));
                    break;
                }
                case 2: {
                    String id = "id" + arg % Math.max(1, nextId);
                    assertThat(store.remove(id).isPresent()).isEqualTo(model.remove(id) != null);
                    break;
                }
                default: {
                    clock.advance(Duration.ofMillis(arg * 7L));
                    long now = clock.millis();
                    Set<String> expired = store.removeExpired(clock.instant()).stream().map(Registration::id)
                            .collect(Collectors.toSet());
                    Set<String> due = model.entrySet().stream().filter(e -> e.getValue().expiresAt() <= now)
                            .map(Map.Entry::getKey).collect(Collectors.toSet());
                    assertThat(expired).isEqualTo(due);
                    due.forEach(model::remove);
                }
            }
            assertThat(store.size()).isEqualTo(model.size());
            model.forEach((id, known) -> {
                assertThat(store.byId(id)).map(Registration::expiresAtMillis).contains(known.expiresAt());
                assertThat(store.byEndpoint(known.endpoint())).map(Registration::id).contains(id);
            });
        }
    }

    private static Registration create(String id, String endpoint, long lifetime, Instant now) {
        RegisterRequest r = new RegisterRequest(endpoint, lifetime, Version.V1_1, Binding.UDP, false, null, null,
                Map.of(), CompactObjectLinks.EMPTY);
        return Registration.create(id, r, Uplinks.PEER, now);
    }
}
