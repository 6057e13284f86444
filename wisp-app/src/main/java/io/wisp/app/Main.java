package io.wisp.app;

import io.wisp.app.objects.ObjectsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wisp} command: one entry point for every tool Wisp ships. */
@Command(name = "wisp", mixinStandardHelpOptions = true, version = "wisp 0.1.0-SNAPSHOT",
        description = "Wisp: an OMA Lightweight M2M system.",
        subcommands = {ServerCommand.class, ClientCommand.class, SimulateCommand.class, ObjectsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting: tests call this. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
