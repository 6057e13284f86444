package io.wisp.app;

import picocli.CommandLine.Command;

/**
 * {@code wisp server}: the whole system in one process. The LwM2M server is not built yet, so for now it says so
 * and lists what is available.
 */
@Command(name = "server", description = "Run the LwM2M server, bootstrap server, HTTP API and console.")
final class ServerCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("""
                The Wisp LwM2M server is not built yet. Available now:
                  ./wisp objects validate FILE|DIR...   check object definitions (DDF XML)
                  ./wisp objects show ID|FILE           print an object, its resources and arguments
                  ./wisp objects new --id N --name NAME write a skeleton object definition
                Run ./wisp --help for all commands.""");
    }
}
