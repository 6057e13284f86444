package io.wisp.app.http;

import java.util.List;

/**
 * The LwM2M client the HTTP API tests manage: a Leshan client ({@link LeshanPeer}) or a Wisp client
 * ({@link WispPeer}) on loopback, with the same objects — Device (manufacturer {@code Wisp tests}, model {@code api})
 * and Temperature instance 0 (5700 = 21.5, 5701 = {@code Cel}, 5750 = {@code room}, 5605 recording executions).
 */
interface ApiPeer extends AutoCloseable {
    int TEMPERATURE = 3303;

    /** Waits until the client has handled its own registration. */
    void awaitRegistered();

    /** Changes resource {@code resourceId} of /3303/0 on the device, which notifies observers of it. */
    void set(int resourceId, Object value);

    /** The executions of /3303/0 the device ran, as {@code resourceId:arguments}. */
    List<String> executions();

    /** Sends the current values of {@code paths} to the server (Send, Core TS §6.4.5) in SenML CBOR. */
    void send(String... paths) throws Exception;

    @Override
    void close();
}
