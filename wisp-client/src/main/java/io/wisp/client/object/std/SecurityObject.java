package io.wisp.client.object.std;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.Requester;
import io.wisp.client.security.Credentials;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;

/**
 * LwM2M Security (object 0, Core TS Appendix E.1): the server accounts — URI, security mode, keys, Short Server ID.
 * Only the Bootstrap-Server and the device itself see it: any operation from a LwM2M Server is refused with
 * 4.01 Unauthorized (Core TS §7.1; ETS int-221), and the object is never announced in Register.
 */
public final class SecurityObject extends ModelEnabler {
    /** Security Mode /0/x/2: 3 = NoSec. */
    public static final int NO_SEC = 3;

    private static final Value NO_KEY = Value.of(new byte[0]);
    private static final Value NO_SEC_MODE = Value.of((long) NO_SEC);
    private static final Value FALSE = Value.of(false);
    private static final Value TRUE = Value.of(true);

    public SecurityObject() {
        this(StandardModels.SECURITY);
    }

    /** On another version of the Security model. */
    public SecurityObject(ObjectModel model) {
        super(model);
    }

    /** Adds a NoSec account of a LwM2M Server: URI and Short Server ID. */
    public SecurityObject addServer(int instanceId, String serverUri, int shortServerId) {
        return addAccount(instanceId, serverUri, false, shortServerId, null);
    }

    /** Adds a NoSec account of the Bootstrap-Server. */
    public SecurityObject addBootstrapServer(int instanceId, String serverUri) {
        return addAccount(instanceId, serverUri, true, 0, null);
    }

    /**
     * Adds a DTLS-secured account ({@code coaps://} URI) of a LwM2M Server, or of the Bootstrap-Server when
     * {@code shortServerId} is 0: the Security Mode and resources 3, 4, 5 (and 15) of {@code credentials}.
     */
    public SecurityObject addSecureAccount(int instanceId, String serverUri, int shortServerId,
            Credentials credentials) {
        return addAccount(instanceId, serverUri, shortServerId == 0, shortServerId,
                java.util.Objects.requireNonNull(credentials, "credentials"));
    }

    private SecurityObject addAccount(int instanceId, String serverUri, boolean bootstrap, int shortServerId,
            Credentials credentials) {
        addInstance(instanceId);
        set(instanceId, 0, Value.of(serverUri));
        set(instanceId, 1, bootstrap ? TRUE : FALSE);
        set(instanceId, 2, credentials == null ? NO_SEC_MODE : Value.of((long) credentials.securityMode()));
        set(instanceId, 3, NO_KEY);
        set(instanceId, 4, NO_KEY);
        set(instanceId, 5, NO_KEY);
        if (credentials != null) {
            credentials.securityResources().forEach((resource, value) -> set(instanceId, resource, value));
        }
        if (!bootstrap) {
            set(instanceId, 10, Value.of((long) shortServerId));
        }
        return this;
    }

    @Override
    protected void authorize(Requester requester, LwM2mPath path) {
        if (requester.isServer()) {
            throw new ObjectException(ResponseCode.UNAUTHORIZED, "the Security object is not accessible to a LwM2M "
                    + "Server (Core TS §7.1)");
        }
    }
}
