package io.wisp.app.objects;

import io.wisp.core.model.validate.Finding;
import io.wisp.core.model.validate.ObjectValidator;
import io.wisp.core.model.validate.Rule;
import io.wisp.core.model.validate.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wisp objects validate FILE|DIR...}: checks DDF files against the schema and the OMA LwM2M Editor's rules
 * (see {@link Rule}) and prints every finding. Exit code 1 when any error is found, or any warning with
 * {@code --strict}; 0 otherwise.
 */
@Command(name = "validate",
        description = "Check object definitions (DDF XML) against the schema and the OMA LwM2M Editor's rules.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no errors (no warnings either, with --strict)", "1:errors found", "2:wrong usage"})
final class ValidateCommand implements Callable<Integer> {

    enum Format { TEXT, JSON }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "DDF files, or directories whose *.xml files are checked (not their subdirectories).")
    List<Path> paths;

    @Option(names = "--strict", description = "Count warnings as errors.")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", converter = FormatConverter.class,
            description = "text (one line per finding and a summary) or json (an array of findings).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Finding> findings = new ArrayList<>();
        int files = 0;
        for (Path path : paths) {
            List<Path> targets = targets(path, findings);
            for (Path file : targets) {
                findings.addAll(ObjectValidator.validateFile(file));
            }
            files += targets.size();
        }
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        if (format == Format.JSON) {
            out.println(FindingFormat.json(findings));
        } else {
            for (Finding f : findings) {
                out.println(FindingFormat.line(f));
            }
            out.println(summary(files, errors, warnings));
        }
        out.flush();
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    private String summary(int files, long errors, long warnings) {
        String s = files + (files == 1 ? " file" : " files") + " checked: " + errors
                + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
        if (strict && warnings > 0) {
            s += " (--strict: warnings count as errors)";
        }
        return s;
    }

    /** The files to check for one argument; a directory without *.xml files is itself an error finding. */
    private static List<Path> targets(Path path, List<Finding> findings) {
        if (!Files.isDirectory(path)) {
            return List.of(path); // a missing or unreadable file becomes the validator's file.unreadable finding
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(path)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            findings.add(new Finding(Rule.FILE_UNREADABLE.id(), Severity.ERROR, path.toString(), -1, "",
                    "cannot list the directory: " + e.getMessage(), Rule.FILE_UNREADABLE.fix()));
            return List.of();
        }
        if (files.isEmpty()) {
            findings.add(new Finding(Rule.FILE_UNREADABLE.id(), Severity.ERROR, path.toString(), -1, "",
                    "the directory holds no *.xml files", "name DDF files, or a directory that holds them"));
        }
        return files;
    }

    /** Accepts the format names in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format; use text or json");
            }
        }
    }
}
