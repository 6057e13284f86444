package io.wisp.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The strict UTF-8 check agrees with the JDK's reporting decoder, including where the first bad byte is. */
class Utf8Test {

    @Property(tries = 3000)
    void finds_the_same_first_bad_byte_as_the_jdk(@ForAll @Size(max = 12) byte[] bytes) {
        CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult r = jdk.decode(in, CharBuffer.allocate(bytes.length * 2 + 2), true);
        int expected = r.isError() ? in.position() : -1;
        assertThat(Utf8.firstInvalid(bytes, 0, bytes.length)).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void valid_strings_have_their_utf8_length(@ForAll String s) {
        boolean valid = StandardCharsets.UTF_8.newEncoder().canEncode(s);
        long length = Utf8.encodedLength(s);
        if (valid) {
            assertThat(length).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        } else {
            assertThat(length).isEqualTo(-1);
        }
    }
}
