package io.wisp.core.model.ddf;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@link ObjectModel}s as DDF XML (Core TS §7) that validates against LWM2M-v1_1.xsd, and against LWM2M.xsd
 * when no LwM2M 1.1 type is used. Elements come in schema order, every element the schema requires is written (empty
 * when the model has nothing), texts are escaped so that {@link DdfReader} gives back the same model, the license
 * is written as a comment before {@code <LWM2M>} as registry files do, and executable arguments go into
 * {@code Description2} (see {@link ArgumentsBlock}).
 *
 * <p>{@code xsi:noNamespaceSchemaLocation} names LWM2M-v1_1.xsd when an object declares LwM2M 1.1 or later or uses
 * Unsigned Integer or Corelnk, and LWM2M.xsd otherwise, at the address registry files use.
 *
 * <p>The writer never alters text: what XML 1.0 or the schema cannot hold exactly is refused with a
 * {@link DdfWriteException} naming the field. That is: control characters other than tab, LF and CR, unpaired
 * surrogates, U+FFFE and U+FFFF in any text; in the license (an XML comment, where no escaping exists) also CR,
 * {@code --}, and a final {@code -}; an object without resources (the schema requires an {@code <Item>});
 * and a {@code Description2} that contains the argument-block marker. CR elsewhere is written as {@code &#13;}.
 * The reader trims {@code Name}, {@code ObjectURN}, {@code RangeEnumeration} and {@code Units}, so blanks around
 * those do not survive a round trip.
 */
public final class DdfWriter {
    static final String SCHEMA_1_0 = "http://openmobilealliance.org/tech/profiles/LWM2M.xsd";
    static final String SCHEMA_1_1 = "http://openmobilealliance.org/tech/profiles/LWM2M-v1_1.xsd";

    private DdfWriter() {
    }

    /** One object definition as a DDF file, UTF-8. */
    public static byte[] write(ObjectModel model) {
        return write(List.of(model));
    }

    /**
     * Several object definitions in one DDF file, UTF-8. A file has one license comment, so all the models must
     * carry the same license.
     */
    public static byte[] write(List<ObjectModel> models) {
        Objects.requireNonNull(models, "models");
        if (models.isEmpty()) {
            throw new DdfWriteException("models", "a DDF file holds at least one object");
        }
        String license = models.get(0).license();
        for (ObjectModel m : models) {
            if (!m.license().equals(license)) {
                throw new DdfWriteException("object " + m.id() + " license", "objects written to one file must"
                        + " share one license, which the file carries as a comment; write them to separate files");
            }
        }
        StringBuilder out = new StringBuilder(4096);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n");
        if (!license.isEmpty()) {
            requireCommentable(license);
            out.append("<!--").append(license).append("-->\n\n");
        }
        out.append("<LWM2M xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"")
                .append(needsSchema11(models) ? SCHEMA_1_1 : SCHEMA_1_0).append("\">\n");
        for (ObjectModel m : models) {
            object(out, m);
        }
        out.append("</LWM2M>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void object(StringBuilder out, ObjectModel m) {
        String at = "object " + m.id() + " ";
        if (m.resources().isEmpty()) {
            throw new DdfWriteException("object " + m.id(), "it has no resources; the DDF schema requires at least"
                    + " one <Item>");
        }
        String description2 = ArgumentsBlock.append(m);
        out.append("\t<Object ObjectType=\"").append(DdfNames.OBJECT_TYPE_VALUE).append("\">\n");
        element(out, 2, DdfNames.NAME, m.name(), at);
        element(out, 2, DdfNames.DESCRIPTION1, m.description(), at);
        element(out, 2, DdfNames.OBJECT_ID, String.valueOf(m.id()), at);
        element(out, 2, DdfNames.OBJECT_URN, m.urn(), at);
        element(out, 2, DdfNames.LWM2M_VERSION, m.lwm2mVersion().toString(), at);
        element(out, 2, DdfNames.OBJECT_VERSION, m.objectVersion().toString(), at);
        element(out, 2, DdfNames.MULTIPLE_INSTANCES, m.multiple() ? DdfNames.MULTIPLE : DdfNames.SINGLE, at);
        element(out, 2, DdfNames.MANDATORY, m.mandatory() ? DdfNames.MANDATORY_VALUE : DdfNames.OPTIONAL_VALUE, at);
        out.append("\t\t<").append(DdfNames.RESOURCES).append(">\n");
        for (ResourceModel r : m.resources().values()) {
            item(out, r, at + "resource " + r.id() + " ");
        }
        out.append("\t\t</").append(DdfNames.RESOURCES).append(">\n");
        element(out, 2, DdfNames.DESCRIPTION2, description2, at);
        out.append("\t</Object>\n");
    }

    private static void item(StringBuilder out, ResourceModel r, String at) {
        out.append("\t\t\t<Item ID=\"").append(r.id()).append("\">\n");
        element(out, 4, DdfNames.NAME, r.name(), at);
        element(out, 4, DdfNames.OPERATIONS, r.operations().ddfName(), at);
        element(out, 4, DdfNames.MULTIPLE_INSTANCES, r.multiple() ? DdfNames.MULTIPLE : DdfNames.SINGLE, at);
        element(out, 4, DdfNames.MANDATORY, r.mandatory() ? DdfNames.MANDATORY_VALUE : DdfNames.OPTIONAL_VALUE, at);
        element(out, 4, DdfNames.TYPE, r.type().ddfName(), at);
        element(out, 4, DdfNames.RANGE_ENUMERATION, r.rangeEnumeration(), at);
        element(out, 4, DdfNames.UNITS, r.units(), at);
        element(out, 4, DdfNames.DESCRIPTION, r.description(), at);
        out.append("\t\t\t</Item>\n");
    }

    private static void element(StringBuilder out, int depth, String name, String text, String at) {
        XmlText.requireWritable(at + name, text);
        out.append("\t".repeat(depth)).append('<').append(name).append('>');
        XmlText.appendEscaped(out, text);
        out.append("</").append(name).append(">\n");
    }

    private static void requireCommentable(String license) {
        XmlText.requireWritable("license", license);
        if (license.contains("--")) {
            throw new DdfWriteException("license", "it contains '--', which an XML comment cannot hold");
        }
        if (license.endsWith("-")) {
            throw new DdfWriteException("license", "it ends with '-', which an XML comment cannot");
        }
        if (license.indexOf('\r') >= 0) {
            throw new DdfWriteException("license", "it contains CR, which XML turns into LF in a comment; use LF");
        }
    }

    private static boolean needsSchema11(List<ObjectModel> models) {
        for (ObjectModel m : models) {
            if (m.lwm2mVersion().isAtLeast(Version.V1_1)) {
                return true;
            }
            for (ResourceModel r : m.resources().values()) {
                if (r.type() == DataType.UNSIGNED_INTEGER || r.type() == DataType.CORELNK) {
                    return true;
                }
            }
        }
        return false;
    }
}
