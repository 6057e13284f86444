package io.wisp.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.SyntaxException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LinkFormatPropertiesTest {

    @Property
    void printed_links_parse_back_equal(@ForAll("linkLists") List<Link> links) {
        assertThat(LinkFormat.parse(LinkFormat.print(links))).isEqualTo(links);
    }

    @Property
    void accepted_text_has_one_canonical_form(@ForAll("linkish") String text) {
        try {
            String canonical = LinkFormat.print(LinkFormat.parse(text));
            assertThat(LinkFormat.print(LinkFormat.parse(canonical))).isEqualTo(canonical);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
    }

    @Property
    void random_text_yields_links_or_a_syntax_exception(@ForAll String text) {
        checkAllReaders(text);
    }

    @Property
    void link_like_text_yields_links_or_a_syntax_exception(@ForAll("linkish") String text) {
        checkAllReaders(text);
    }

    /** A register payload written from a generated description reads back as that description. */
    @Property
    void register_payloads_read_back_as_written(@ForAll("registrations") Registration reg) {
        ObjectLinks ol = ObjectLinks.parse(reg.payload());
        assertThat(ol.alternatePath()).isEqualTo(reg.alternatePath());
        assertThat(ol.contentFormats()).extracting(ContentFormat::code).isEqualTo(reg.formats());
        assertThat(ol.objectIds()).isEqualTo(reg.instances().keySet());
        reg.instances().forEach((id, inst) -> assertThat(ol.instances(id)).isEqualTo(inst));
        assertThat(ol.versions()).isEqualTo(reg.versions());
        assertThat(ObjectLinks.parse(ol.toString())).isEqualTo(ol);
    }

    private static void checkAllReaders(String text) {
        try {
            List<Link> links = LinkFormat.parse(text);
            assertThat(LinkFormat.parse(LinkFormat.print(links))).isEqualTo(links);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
        try {
            ObjectLinks.parse(text);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
        try {
            DiscoverLink.parse(text);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
    }

    @Provide
    Arbitrary<String> linkish() {
        return Arbitraries.strings().withChars("</>;,=\"\\ \t1.a-rtcmin").ofMaxLength(30);
    }

    @Provide
    Arbitrary<List<Link>> linkLists() {
        Arbitrary<String> uris = Arbitraries.strings().withChars("-._~:/?#[]@!$&'()*+,;=%").withCharRange('a', 'z')
                .withCharRange('0', '9').ofMaxLength(12);
        Arbitrary<String> names = Arbitraries.strings().withChars("!#$&+-.^_`|~*").withCharRange('a', 'z')
                .ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u00ff')
                        .withChars('\t', '\u4e2d', '\u2028').ofMaxLength(12),
                Arbitraries.strings().withChars("0123456789.-").ofMaxLength(6),
                Arbitraries.of("oma.lwm2m", "60 110", "1.1", "coaps://s.example.com:5684"));
        Arbitrary<LinkAttribute> attributes = Combinators.combine(names, values.optional(0.8))
                .as(LinkAttribute::new);
        Arbitrary<Link> links = Combinators.combine(uris, attributes.list().ofMaxSize(4)).as(Link::new);
        return links.list().ofMaxSize(6);
    }

    record Registration(String alternatePath, List<Integer> formats, Map<Integer, Version> versions,
                        Map<Integer, Set<Integer>> instances, String payload) {
    }

    @Provide
    Arbitrary<Registration> registrations() {
        Arbitrary<String> alternatePaths = Arbitraries.of("/", "/lwm2m", "/a/b");
        Arbitrary<List<Integer>> formats = Arbitraries.integers().between(0, 65535).list().ofMaxSize(5);
        Arbitrary<Map<Integer, Optional<Version>>> objects = Arbitraries.maps(Arbitraries.integers().between(0, 65534),
                Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 12))
                        .as(Version::new).optional(0.5)).ofMaxSize(6);
        Arbitrary<Set<Integer>> instanceIds = Arbitraries.integers().between(0, 65534).set().ofMaxSize(3);
        return Combinators.combine(alternatePaths, formats, objects, Arbitraries.of(true, false))
                .flatAs((alt, cts, objs, quoteSingle) -> instanceIds.list().ofSize(objs.size())
                        .map(sets -> registration(alt, cts, objs, sets, quoteSingle)));
    }

    private static Registration registration(String alt, List<Integer> cts, Map<Integer, Optional<Version>> objs,
                                             List<Set<Integer>> instanceSets, boolean quoteSingle) {
        Map<Integer, Set<Integer>> inst = new TreeMap<>();
        List<Integer> ids = new ArrayList<>(objs.keySet());
        for (int k = 0; k < ids.size(); k++) {
            inst.put(ids.get(k), new TreeSet<>(instanceSets.get(k)));
        }
        List<String> parts = new ArrayList<>();
        StringBuilder root = new StringBuilder("<" + alt + ">;rt=\"oma.lwm2m\"");
        if (!cts.isEmpty()) {
            String list = cts.stream().map(String::valueOf).collect(Collectors.joining(" "));
            root.append(";ct=").append(cts.size() == 1 && !quoteSingle ? list : "\"" + list + "\"");
        }
        parts.add(root.toString());
        String prefix = alt.equals("/") ? "" : alt;
        Map<Integer, Version> versions = new TreeMap<>();
        objs.forEach((id, ver) -> {
            boolean objectLink = ver.isPresent() || inst.get(id).isEmpty();
            if (objectLink) {
                parts.add("<" + prefix + "/" + id + ">" + ver.map(v -> ";ver=" + v).orElse(""));
            }
            ver.ifPresent(v -> versions.put(id, v));
            inst.get(id).forEach(i -> parts.add("<" + prefix + "/" + id + "/" + i + ">"));
        });
        return new Registration(alt, cts, versions, inst, String.join(", ", parts));
    }
}
