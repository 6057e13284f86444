package io.wisp.server.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrationIdsTest {

    @Test
    void ids_are_eight_url_safe_characters_never_repeated_and_every_symbol_turns_up_in_every_position() {
        RegistrationIds ids = new RegistrationIds();
        Set<String> seen = new HashSet<>();
        @SuppressWarnings("unchecked")
        Set<Character>[] symbols = new Set[8];
        for (int k = 0; k < symbols.length; k++) {
            symbols[k] = new HashSet<>();
        }

        for (int n = 0; n < 20_000; n++) {
            String id = ids.next();
            assertThat(id).matches("[A-Za-z0-9_-]{8}");
            assertThat(seen.add(id)).as("%s drawn twice", id).isTrue();
            for (int k = 0; k < 8; k++) {
                symbols[k].add(id.charAt(k));
            }
        }

        for (int k = 0; k < 8; k++) {
            assertThat(symbols[k]).as("symbols at position %d", k).hasSize(64);
        }
    }
}
