package io.wisp.core.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.SyntaxException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ExecuteArgumentsPropertiesTest {

    @Property
    void printing_then_parsing_gives_the_same_arguments(@ForAll("argumentLists") ExecuteArguments args) {
        assertThat(ExecuteArguments.parse(args.toString())).isEqualTo(args);
    }

    /** The grammar has a single spelling for each list, so every accepted text is canonical and prints back. */
    @Property
    void any_accepted_text_prints_back_unchanged(@ForAll("grammarish") String text) {
        try {
            assertThat(ExecuteArguments.parse(text).toString()).isEqualTo(text);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
            assertThat(e.input()).isEqualTo(text);
        }
    }

    @Property
    void random_text_yields_arguments_or_a_syntax_exception(@ForAll String text) {
        try {
            ExecuteArguments.parse(text);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
    }

    @Provide
    Arbitrary<ExecuteArguments> argumentLists() {
        Arbitrary<String> values = Arbitraries.strings()
                .withChars(" !#$%&()*+,-./:;<=>?@[]^_`{|}~").withCharRange('0', '9').withCharRange('A', 'Z')
                .withCharRange('a', 'z').ofMaxLength(20);
        Arbitrary<List<Integer>> digits = Arbitraries.integers().between(0, 9).list().uniqueElements().ofMaxSize(10);
        return digits.flatMap(ds -> {
            List<Arbitrary<ExecuteArgument>> each = new ArrayList<>();
            for (int d : ds) {
                each.add(Arbitraries.oneOf(Arbitraries.just(ExecuteArgument.of(d)),
                        values.map(v -> ExecuteArgument.of(d, v))));
            }
            return Combinators.combine(each).as(ExecuteArguments::of);
        });
    }

    @Provide
    Arbitrary<String> grammarish() {
        return Arbitraries.strings().withChars("0123456789,='a \"\\").ofMaxLength(16);
    }
}
