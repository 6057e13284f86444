package io.wisp.bench.load;

/** A LwM2M server as the benchmark child process runs it: started on 127.0.0.1, asked how many clients it holds. */
interface ServerUnderTest extends AutoCloseable {

    /** Starts the server on 127.0.0.1 and returns its CoAP port ({@code port} 0 picks a free one). */
    int start(int port) throws Exception;

    /** The number of registrations the server currently holds. */
    int registrations();

    @Override
    void close();

    static ServerUnderTest of(ServerKind kind) {
        return kind == ServerKind.WISP ? new WispUnderTest() : new LeshanUnderTest();
    }
}
