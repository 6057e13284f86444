package io.wisp.core.model.ddf;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ddf.DdfProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads DDF files, the XML object definitions of the OMA LwM2M registry (Core TS §7, schemas LWM2M.xsd and
 * LWM2M-v1_1.xsd), into {@link ObjectModel}s. It is lenient and safe: it reads elements by name in any order, accepts
 * a byte order mark, CRLF and blanks around values, refuses DTDs, entities and files over
 * {@link XmlTreeReader#MAX_BYTES}, and never throws for bad content. Whatever it cannot take as written becomes a
 * {@link DdfProblem}; judging the definition against the template's rules is the validator's job.
 *
 * <p>What it keeps and what it trims: IDs, {@code Operations}, {@code Type}, {@code MultipleInstances},
 * {@code Mandatory} and the versions are read without surrounding blanks, as are {@code Name}, {@code ObjectURN},
 * {@code RangeEnumeration} and {@code Units}, whose blanks carry no meaning. Descriptions are kept exactly as written.
 * The comments before {@code <LWM2M>} (where registry files keep their license) become each object's
 * {@link ObjectModel#license()}, joined by LF when there are several. Executable-argument definitions are read out
 * of {@code Description2} (see {@link ArgumentsBlock} for the syntax).
 *
 * <p>Defaults when a value is missing or unreadable (each reported): an object without a readable
 * {@code ObjectID}, or a resource without a readable {@code ID}, is skipped; a repeated resource ID keeps the first;
 * missing texts are empty; versions are 1.0 (what an absent version means); {@code MultipleInstances} is Multiple for
 * an object and Single for a resource, and {@code Mandatory} Optional, as in most registry files; {@code Operations}
 * is none and {@code Type} none. A value spelled in the wrong case ({@code integer}) is read as the schema's
 * spelling and reported.
 */
public final class DdfReader {

    private DdfReader() {
    }

    /** Reads the bytes of one DDF file; {@code source} names it in problems (a file name, say). */
    public static DdfReadResult read(byte[] content, String source) {
        Objects.requireNonNull(content, "content");
        ProblemLog problems = new ProblemLog(source);
        XmlDocument doc;
        try {
            doc = XmlTreeReader.read(content);
        } catch (XmlReadException e) {
            problems.add(Kind.UNREADABLE, e.line(), "", "", "not readable as DDF XML: " + e.getMessage());
            return new DdfReadResult(source, List.of(), problems.toList());
        }
        XmlElement root = doc.root();
        if (!root.name().equals(DdfNames.ROOT)) {
            problems.add(Kind.UNREADABLE, root.line(), root.name(), "",
                    "the root element is <" + root.name() + ">; a DDF file has <LWM2M> holding <Object> elements");
            return new DdfReadResult(source, List.of(), problems.toList());
        }
        String license = String.join("\n", doc.leadingComments());
        ObjectReader objects = new ObjectReader(license, problems);
        List<DdfReadResult.Entry> entries = new ArrayList<>();
        for (XmlElement child : root.children()) {
            if (child.name().equals(DdfNames.OBJECT)) {
                objects.read(child).ifPresent(entries::add);
            } else {
                problems.add(Kind.IGNORED, child.line(), child.name(), "",
                        "element <" + child.name() + "> is not in the DDF schema; ignored");
            }
        }
        if (root.children(DdfNames.OBJECT).isEmpty()) {
            problems.add(Kind.MISSING, root.line(), DdfNames.ROOT, "",
                    "<LWM2M> holds no <Object>; the schema requires at least one");
        }
        return new DdfReadResult(source, entries, problems.toList());
    }

    /**
     * Reads a DDF file. A file that cannot be read (absent, unreadable, over the size limit) gives a result with one
     * {@link Kind#UNREADABLE} problem, like bad content does, so that tools can report every file the same way.
     */
    public static DdfReadResult read(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        byte[] content;
        try {
            long size = Files.size(file);
            if (size > XmlTreeReader.MAX_BYTES) {
                return unreadable(source, "file is " + size + " bytes; the limit is " + XmlTreeReader.MAX_BYTES);
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return unreadable(source, "cannot read the file: " + e);
        }
        return read(content, source);
    }

    private static DdfReadResult unreadable(String source, String message) {
        return new DdfReadResult(source, List.of(), List.of(new DdfProblem(Kind.UNREADABLE, source, -1, "", "",
                message)));
    }
}
