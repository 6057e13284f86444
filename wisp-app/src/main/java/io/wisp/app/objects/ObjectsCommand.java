package io.wisp.app.objects;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code wisp objects}: the object-model toolkit on the command line: check DDF files, show an object as a table,
 * and start a new object definition.
 */
@Command(name = "objects",
        description = "Work with LwM2M object definitions (DDF XML files).",
        subcommands = {ValidateCommand.class, ShowCommand.class, NewCommand.class})
public final class ObjectsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
