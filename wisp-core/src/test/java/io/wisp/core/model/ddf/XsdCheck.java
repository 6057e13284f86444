package io.wisp.core.model.ddf;

import io.wisp.core.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates DDF XML against the registry's XSDs with the JDK's validator, locked down: secure processing on, and no
 * external DTD or schema may be fetched (so an {@code xsi:noNamespaceSchemaLocation} URL is never followed; the
 * schema is only the XSD file given).
 */
final class XsdCheck {
    private final Schema schema;

    private XsdCheck(Schema schema) {
        this.schema = schema;
    }

    /** LWM2M-v1_1.xsd, or LWM2M.xsd when {@code v1_1} is false, from ../shared/omna (skips when absent). */
    static XsdCheck registry(boolean v1_1) throws SAXException {
        Path xsd = SharedData.omna().resolve(v1_1 ? "LWM2M-v1_1.xsd" : "LWM2M.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return new XsdCheck(factory.newSchema(xsd.toFile()));
    }

    /** Empty when the document is valid, else the first error with its line. */
    Optional<String> errors(byte[] xml) throws Exception {
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of("line " + e.getLineNumber() + ": " + e.getMessage());
        }
    }
}
