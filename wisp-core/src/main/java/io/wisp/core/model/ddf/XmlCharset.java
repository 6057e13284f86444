package io.wisp.core.model.ddf;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an XML file into text before parsing: in the encoding its declaration names, else UTF-8, and
 * strictly, so that a bad byte is reported with its offset and line. (The JDK's StAX parser, given bytes, also prints
 * such errors to stderr; a library must not.) Encodings whose declaration is not readable as ASCII, such as UTF-16,
 * are not supported: DDF files are UTF-8.
 */
final class XmlCharset {
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");
    private static final int DECLARATION_SCAN = 256;

    private XmlCharset() {
    }

    /** The text of {@code content} from {@code start}; lines in errors count every LF in the content. */
    static String decode(byte[] content, int start) throws XmlReadException {
        Charset charset = declared(content, start);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new XmlReadException(lineAt(content, offset), -1, "byte " + offset + " (0x"
                    + String.format("%02X", content[Math.min(offset, content.length - 1)] & 0xFF) + ") is not valid "
                    + charset.name());
        }
        out.flip();
        return out.toString();
    }

    private static Charset declared(byte[] content, int start) throws XmlReadException {
        int end = Math.min(content.length, start + DECLARATION_SCAN);
        String head = new String(content, start, end - start, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int close = head.indexOf("?>");
        Matcher m = ENCODING.matcher(close < 0 ? head : head.substring(0, close));
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new XmlReadException(lineAt(content, start), -1, "unsupported encoding '" + m.group(1) + "'");
        }
    }

    private static int lineAt(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
