package io.wisp.bench.load;

/**
 * A LwM2M server as the benchmark child process runs it: started on 127.0.0.1, asked how many clients it holds, and
 * driven through its own Java API for the server-initiated scenarios (Reads, Observes), with listeners counting
 * the notifications and Sends it delivers.
 */
interface ServerUnderTest extends AutoCloseable {

    /**
     * Starts the server on 127.0.0.1 and returns its CoAP port ({@code port} 0 picks a free one); unless
     * {@code security} is {@link Security#NONE} it also listens for CoAP over DTLS on a free port, accepting the
     * devices' credentials of that mode once {@link #addCredentials added}.
     */
    int start(int port, Security security) throws Exception;

    /** The CoAPs (DTLS) port, or -1 when the server has none. */
    int securePort();

    /**
     * Adds the DTLS credentials of devices {@code first .. first+count-1} ({@link io.wisp.bench.BenchCredentials})
     * to the server's security store, in the mode it was started with; returns how many it holds then.
     */
    int addCredentials(long first, int count) throws Exception;

    /** The number of registrations the server currently holds. */
    int registrations();

    /**
     * Reads {@code path} in content format {@code format} from every registered client, round robin, at most
     * {@code window} Reads outstanding and one per client, for {@code seconds}. A success is a 2.05 Content whose
     * payload the server decoded.
     */
    ServerSideLoop.Result readLoop(String path, int format, int window, int seconds) throws InterruptedException;

    /**
     * Observes {@code path} in {@code format} on every registered client, {@code window} Observes outstanding; a
     * success is an established observation.
     */
    ServerSideLoop.Result observeAll(String path, int format, int window) throws InterruptedException;

    /** The notifications the server delivered to its observation listener (decoded), and the ones it could not. */
    EventCounter notifications();

    /** The Sends ({@code POST /dp}) the server delivered to its Send listener, and the ones it refused. */
    EventCounter sends();

    @Override
    void close();

    static ServerUnderTest of(ServerKind kind) {
        return kind == ServerKind.WISP ? new WispUnderTest() : new LeshanUnderTest();
    }
}
