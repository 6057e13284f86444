package io.wisp.core.model.validate;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ddf.XmlDocument;
import io.wisp.core.model.ddf.XmlReadException;
import io.wisp.core.model.ddf.XmlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Judges LwM2M object definitions (DDF files, Core TS §7 and Appendix C) against the DDF schema and the OMA LwM2M
 * Editor's rules, and returns every problem as a {@link Finding}; see {@link Rule} for the list. It never throws on
 * bad input: unreadable, hostile or huge files become findings too. Findings come sorted by line.
 */
public final class ObjectValidator {
    private static final List<ObjectCheck> CHECKS = List.of(
            new SchemaCheck(),
            new NameCheck(),
            new DescriptionCheck(),
            new ObjectIdCheck(),
            new UrnCheck(),
            new VersionCheck(),
            new ResourceIdCheck(),
            new ResourceTypeCheck(),
            new UnitsCheck(),
            new RangeCheck(),
            new ArgumentCheck(),
            new LicenseCheck());

    private ObjectValidator() {
    }

    /** Validates the bytes of a DDF file; {@code source} names it in findings (a path or "upload"). */
    public static List<Finding> validateXml(byte[] content, String source) {
        Objects.requireNonNull(content, "content");
        Findings out = new Findings(source);
        if (content.length > XmlTreeReader.MAX_BYTES) {
            out.add(Rule.XML_TOO_LARGE, -1, content.length + " bytes",
                    "the file is " + content.length + " bytes; the limit is " + XmlTreeReader.MAX_BYTES);
            return out.sorted();
        }
        XmlDocument doc;
        try {
            doc = XmlTreeReader.read(content);
        } catch (XmlReadException e) {
            String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
            out.add(isDoctype(message) ? Rule.XML_DOCTYPE : Rule.XML_MALFORMED, e.line(), "", message);
            return out.sorted();
        }
        for (RawObject object : XmlView.objects(doc, out)) {
            checkAll(object, out);
        }
        return out.sorted();
    }

    /** Reads and validates a DDF file; an unreadable file gives a {@code file.unreadable} finding. */
    public static List<Finding> validateFile(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > XmlTreeReader.MAX_BYTES) {
                Findings out = new Findings(source);
                out.add(Rule.XML_TOO_LARGE, -1, size + " bytes",
                        "the file is " + size + " bytes; the limit is " + XmlTreeReader.MAX_BYTES);
                return out.sorted();
            }
            return validateXml(Files.readAllBytes(file), source);
        } catch (IOException | SecurityException e) {
            Findings out = new Findings(source);
            out.add(Rule.FILE_UNREADABLE, -1, "", "cannot read the file: " + e);
            return out.sorted();
        }
    }

    /** Validates a definition built in code (the web editor checks as the user types); lines are -1. */
    public static List<Finding> validateModel(ObjectModel model, String source) {
        Objects.requireNonNull(model, "model");
        Findings out = new Findings(source);
        checkAll(ModelView.object(model), out);
        return out.sorted();
    }

    /** {@link #validateModel(ObjectModel, String)} naming the source "object ID". */
    public static List<Finding> validateModel(ObjectModel model) {
        return validateModel(model, "object " + model.id());
    }

    private static void checkAll(RawObject object, Findings out) {
        for (ObjectCheck check : CHECKS) {
            check.check(object, out);
        }
    }

    private static boolean isDoctype(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("doctype") || m.contains("dtd") || m.contains("entity");
    }
}
