package io.wisp.app;

import io.wisp.client.ClientEvents;
import io.wisp.client.engine.ServerAccount;
import io.wisp.core.operation.ResponseCode;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What {@code wisp client} prints: one timestamped line per registration step, request served and notification. */
final class ClientConsole implements ClientEvents {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintWriter out;

    ClientConsole(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void registered(ServerAccount server, String location) {
        print("registered   with " + CoapServerUri.display(server.address()) + " as " + location + " (lifetime "
                + server.lifetime().getSeconds() + " s)");
    }

    @Override
    public void updated(ServerAccount server) {
        print("updated      registration with " + CoapServerUri.display(server.address()));
    }

    @Override
    public void failed(ServerAccount server, String operation, String reason, boolean retrying) {
        print("failed       " + operation + " with " + CoapServerUri.display(server.address()) + ": " + reason
                + (retrying ? " (will retry)" : ""));
    }

    @Override
    public void deregistered(ServerAccount server) {
        print("deregistered from " + CoapServerUri.display(server.address()));
    }

    @Override
    public void served(int shortServerId, String request, ResponseCode code) {
        print("served       " + request + " -> " + code + " (server " + shortServerId + ")");
    }

    @Override
    public void notified(int shortServerId, String paths) {
        print("notified     " + paths + " (server " + shortServerId + ")");
    }

    void print(String line) {
        synchronized (out) {
            out.println(LocalTime.now().format(TIME) + " " + line);
            out.flush();
        }
    }
}
