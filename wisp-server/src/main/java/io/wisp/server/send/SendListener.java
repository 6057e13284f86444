package io.wisp.server.send;

import io.wisp.core.operation.SendRequest;
import io.wisp.server.registration.Registration;

/**
 * Hears of data clients push with Send (Core TS §6.4.5). Called once the client was answered 2.04, on a transport
 * thread: an implementation must return quickly and hand long work to its own executor.
 */
@FunctionalInterface
public interface SendListener {

    /** {@code registration}'s client sent {@code data}, decoded with its timestamps. */
    void dataReceived(Registration registration, SendRequest data);
}
