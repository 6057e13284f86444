package io.wisp.core.model.ddf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Bad input only ever gives problems: random bytes, and real-shaped files with random damage. */
class DdfReaderPropertyTest {

    @Property(tries = 300)
    void random_bytes_give_a_result_never_an_exception(@ForAll byte[] input) {
        DdfReadResult result = ReadOracle.check(input);
        assertThat(result.models().isEmpty() ? result.problems() : result.models()).isNotEmpty();
    }

    @Property(tries = 500)
    void damaged_files_give_a_result_and_what_was_read_survives_a_rewrite(@ForAll("damaged") byte[] input) {
        ReadOracle.check(input);
    }

    /** A written random model, then 1..4 cuts, insertions of XML fragments, or changed bytes. */
    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<String> fragment = Arbitraries.of("<", ">", "</Item>", "<Item ID=\"1\">", "<Type>", "</Object>",
                "<!DOCTYPE x>", "&x;", "&#0;", "]]>", "<![CDATA[", "<!--", "-->", "\u0000", "\uFFFE", " ID=\"",
                "[wisp-arguments]\n", "\n[/wisp-arguments]", "resource=1 order=0 name=\"", "\\", "\"", "\r\n");
        Arbitrary<Damage> damage = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 40), fragment)
                .as(Damage::new);
        return Combinators.combine(DdfArbitraries.models(DdfArbitraries.licenses()), damage.list().ofMinSize(1)
                .ofMaxSize(4)).as((model, damages) -> {
                    String text = new String(DdfWriter.write(model), StandardCharsets.UTF_8);
                    for (Damage d : damages) {
                        text = d.apply(text);
                    }
                    return text.getBytes(StandardCharsets.UTF_8);
                });
    }

    /** Cut {@code length} characters, insert a fragment, or replace one character, at a relative position. */
    record Damage(int kind, double where, int length, String fragment) {
        String apply(String text) {
            int at = (int) (where * text.length());
            return switch (kind) {
                case 0 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + length));
                case 1 -> text.substring(0, at) + fragment + text.substring(at);
                default -> at >= text.length() ? text
                        : text.substring(0, at) + fragment.charAt(0) + text.substring(at + 1);
            };
        }
    }
}
