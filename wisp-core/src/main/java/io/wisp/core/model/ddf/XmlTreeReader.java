package io.wisp.core.model.ddf;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML into an {@link XmlDocument}, safely: DTDs are refused (so no external or expanding entities can be
 * declared), nothing outside the bytes given is ever opened, and files over {@link #MAX_BYTES} are refused.
 * A UTF-8 byte order mark and blank space before the XML declaration are tolerated, as real DDF files have them.
 */
public final class XmlTreeReader {
    /** The largest file read: far above any real object definition (the largest registry file is about 150 KB). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private XmlTreeReader() {
    }

    public static XmlDocument read(byte[] content) throws XmlReadException {
        if (content.length > MAX_BYTES) {
            throw new XmlReadException(-1, -1, "file is " + content.length + " bytes; the limit is " + MAX_BYTES);
        }
        int start = skipBomAndBlanks(content);
        int skippedLines = countNewlines(content, start);
        XMLStreamReader xml = null;
        try {
            String text = decode(content, start, skippedLines);
            xml = factory().createXMLStreamReader(new StringReader(text));
            return readDocument(xml, skippedLines);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage() == null ? "not well-formed XML" : stripLocationPrefix(e.getMessage());
            throw new XmlReadException(at == null ? -1 : at.getLineNumber() + skippedLines,
                    at == null ? -1 : at.getColumnNumber(), message);
        } catch (RuntimeException e) {
            // Parser internals may throw unchecked errors on hostile input; report them as unreadable XML.
            throw new XmlReadException(-1, -1, "not readable as XML: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a byte array cannot lose anything
                }
            }
        }
    }

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /**
     * Decodes the bytes strictly in the declared encoding (UTF-8 when none is declared), so that bad bytes become a
     * finding with a position instead of the JDK parser's own error print.
     */
    private static String decode(byte[] content, int start, int skippedLines) throws XmlReadException {
        String head = new String(content, start, Math.min(200, content.length - start), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head);
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        if (m.find()) {
            try {
                charset = java.nio.charset.Charset.forName(m.group(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new XmlReadException(1 + skippedLines, -1, "unsupported encoding '" + m.group(1) + "'");
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = in.position();
            int line = 1 + countNewlines(content, bad);
            String what = e instanceof MalformedInputException ? "invalid " : "unmappable ";
            throw new XmlReadException(line, -1, what + charset.name() + " at byte " + bad);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        return f;
    }

    private static XmlDocument readDocument(XMLStreamReader xml, int lineOffset) throws XMLStreamException {
        List<String> comments = new ArrayList<>();
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new XMLStreamException("DOCTYPE declarations are not allowed",
                        xml.getLocation());
                case XMLStreamConstants.COMMENT -> {
                    if (open.isEmpty() && root == null) {
                        comments.add(xml.getText());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    Location at = xml.getLocation();
                    Map<String, String> attributes = new HashMap<>();
                    for (int k = 0; k < xml.getAttributeCount(); k++) {
                        attributes.put(xml.getAttributeLocalName(k), xml.getAttributeValue(k));
                    }
                    open.push(new Builder(xml.getLocalName(), attributes, at.getLineNumber() + lineOffset,
                            at.getColumnNumber()));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "entity reference &" + xml.getLocalName() + "; is not allowed", xml.getLocation());
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // processing instructions and the end of the document carry nothing DDF tools use
                }
            }
        }
        if (root == null) {
            throw new XMLStreamException("no root element");
        }
        return new XmlDocument(root, comments);
    }

    private static int skipBomAndBlanks(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static int countNewlines(byte[] b, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String stripLocationPrefix(String message) {
        // The JDK parser prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep the message alone.
        int idx = message.indexOf("Message: ");
        return idx >= 0 ? message.substring(idx + "Message: ".length()) : message;
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final int column;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String name, Map<String, String> attributes, int line, int column) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
            this.column = column;
        }

        XmlElement build() {
            return new XmlElement(name, attributes, text.toString(), children, line, column);
        }
    }
}
