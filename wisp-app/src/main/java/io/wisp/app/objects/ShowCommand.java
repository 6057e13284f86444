package io.wisp.app.objects;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfProblem;
import io.wisp.core.model.ddf.DdfReadResult;
import io.wisp.core.model.ddf.DdfReader;
import io.wisp.core.model.registry.ModelMatch;
import io.wisp.core.model.registry.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wisp objects show ID|FILE}: prints an object definition as the object template lays it out: the object,
 * its resources and the arguments of its executable resources. An ID is looked up among the bundled models and any
 * {@code --models} directories; anything else is read as a DDF file.
 */
@Command(name = "show",
        description = "Print an object, its resources and its executable arguments as tables.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:shown", "1:unknown object ID, or a file without a readable object", "2:wrong usage"})
final class ShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "ID|FILE",
            description = "An object ID (e.g. 3) or the path of a DDF file.")
    String target;

    @Option(names = "--models", paramLabel = "DIR",
            description = "A directory of DDF files to look IDs up in besides the bundled models; may be repeated."
                    + " Later directories win for the same object ID and version.")
    List<Path> modelDirs = List.of();

    @Option(names = "--version", paramLabel = "X.Y", converter = VersionConverter.class,
            description = "The object version to show for an ID (default: the newest known). When that version is"
                    + " unknown, the nearest one is shown with a warning.")
    Version version;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = isId(target) ? showId(Integer.parseInt(target), out, err) : showFile(Path.of(target), out, err);
        out.flush();
        err.flush();
        return status;
    }

    private static boolean isId(String text) {
        return text.matches("[0-9]{1,5}") && !Files.exists(Path.of(text));
    }

    private int showId(int id, PrintWriter out, PrintWriter err) {
        ModelRegistry registry;
        if (modelDirs.isEmpty()) {
            registry = ModelRegistry.bundled();
        } else {
            ModelRegistry.Builder builder = ModelRegistry.builder().addBundled();
            modelDirs.forEach(builder::addDirectory);
            registry = builder.build();
        }
        for (DdfProblem p : registry.problems()) {
            err.println("warning: " + p);
        }
        Optional<ModelMatch> match = version == null ? registry.lookup(id) : registry.lookup(id, version);
        if (match.isEmpty()) {
            err.println("object " + id + " is not among the " + registry.all().size() + " known models"
                    + (modelDirs.isEmpty() ? " (bundled only; add --models DIR to look further)" : "")
                    + "; 'wisp objects show FILE' shows a DDF file");
            return 1;
        }
        match.get().warning().ifPresent(w -> err.println("warning: " + w));
        out.print(ObjectModelTable.render(match.get().model(), match.get().source()));
        return 0;
    }

    private int showFile(Path file, PrintWriter out, PrintWriter err) {
        DdfReadResult result = DdfReader.read(file);
        for (DdfProblem p : result.problems()) {
            err.println("warning: " + p);
        }
        if (result.models().isEmpty()) {
            err.println(file + ": no object definition could be read"
                    + (Files.exists(file) ? "" : " (no such file, and not an object ID)"));
            return 1;
        }
        boolean first = true;
        for (ObjectModel model : result.models()) {
            if (!first) {
                out.println();
            }
            out.print(ObjectModelTable.render(model, file.toString()));
            first = false;
        }
        return 0;
    }
}
