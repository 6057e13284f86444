package io.wisp.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The answer to an {@link UplinkRequest}: a code, and optionally a payload with its Content-Format and a
 * Location-Path (Register answers 2.01 with the registration's location, Transport TS §6.2). An error may carry a
 * short diagnostic text (RFC 7252 §5.5.2), never a stack trace.
 *
 * <p>{@link #afterSent} attaches work to run once the response is on its way, so that, for example, listeners hear
 * of a registration only after the client could have received its 2.01. {@link #observe} makes the answer to an
 * observe registration establish the observation (the client role serving Observe, Transport TS §6.4).
 */
public final class UplinkResponse {
    private static final byte[] EMPTY = new byte[0];
    private static final Runnable NOTHING = () -> { };
    private static final UplinkResponse DROPPED = new UplinkResponse(CoapCode.SERVICE_UNAVAILABLE, EMPTY,
            UplinkRequest.NO_FORMAT, List.of(), NOTHING, null);

    private final CoapCode code;
    private final byte[] payload;
    private final int contentFormat;
    private final List<String> locationPath;
    private final Runnable afterSent;
    private final Consumer<ServedObservation> onObserve;

    private UplinkResponse(CoapCode code, byte[] payload, int contentFormat, List<String> locationPath,
            Runnable afterSent, Consumer<ServedObservation> onObserve) {
        this.code = Objects.requireNonNull(code, "code");
        this.payload = payload;
        this.contentFormat = contentFormat;
        this.locationPath = List.copyOf(locationPath);
        this.afterSent = Objects.requireNonNull(afterSent, "afterSent");
        this.onObserve = onObserve;
    }

    /** A response with only a code. */
    public static UplinkResponse of(CoapCode code) {
        return new UplinkResponse(code, EMPTY, UplinkRequest.NO_FORMAT, List.of(), NOTHING, null);
    }

    /**
     * No answer at all: the request is dropped as if it had never arrived, not even acknowledged (a LwM2M client in
     * queue mode whose radio is off, Core TS §6.5). A retransmission of the same CON message is dropped too.
     */
    public static UplinkResponse dropped() {
        return DROPPED;
    }

    /** Whether this is {@link #dropped()}: the transport sends nothing. */
    public boolean isDropped() {
        return this == DROPPED;
    }

    /** 2.01 Created with a Location-Path, e.g. {@code rd, 5a3f}. */
    public static UplinkResponse created(List<String> locationPath) {
        return new UplinkResponse(CoapCode.CREATED, EMPTY, UplinkRequest.NO_FORMAT, locationPath, NOTHING, null);
    }

    /** A success code with a payload in a content format. */
    public static UplinkResponse content(CoapCode code, int contentFormat, byte[] payload) {
        if (contentFormat < 0 || contentFormat > 65535) {
            throw new IllegalArgumentException("contentFormat must be in 0..65535, got " + contentFormat);
        }
        return new UplinkResponse(code, payload.clone(), contentFormat, List.of(), NOTHING, null);
    }

    /** An error code with a diagnostic text for the peer's logs (RFC 7252 §5.5.2: no Content-Format). */
    public static UplinkResponse error(CoapCode code, String diagnostic) {
        if (code.isSuccess()) {
            throw new IllegalArgumentException("code must be an error code, got " + code);
        }
        byte[] text = diagnostic == null ? EMPTY : diagnostic.getBytes(StandardCharsets.UTF_8);
        return new UplinkResponse(code, text, UplinkRequest.NO_FORMAT, List.of(), NOTHING, null);
    }

    /** This response, with {@code action} run once it has been handed to the network (or failed to be). */
    public UplinkResponse afterSent(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (isDropped()) {
            throw new IllegalStateException("a dropped request has no response to follow up");
        }
        Runnable first = afterSent;
        Runnable both = first == NOTHING ? action : () -> {
            first.run();
            action.run();
        };
        return new UplinkResponse(code, payload, contentFormat, locationPath, both, onObserve);
    }

    /**
     * This success response, establishing an observation when it answers an observe registration (a GET or FETCH
     * with {@code Observe: 0}, RFC 7641 §4.1; Observe and Observe-Composite, Transport TS §6.4). The transport then
     * adds the Observe option, sends the response and hands {@code onEstablished} the {@link ServedObservation}
     * through which later notifications go, on the protocol thread, right after the response was handed to the CoAP
     * stack. An earlier observation by the same peer with the same token is replaced (it ends with
     * {@link ServedObservation.EndReason#REPLACED}).
     *
     * <p>For any other request the response goes out as is and {@code onEstablished} is never called; so is a
     * registration the transport cannot hold (its limit of observations is reached), which RFC 7641 §4.1 allows: the
     * response then carries no Observe option and the peer knows it is not observing.
     */
    public UplinkResponse observe(Consumer<ServedObservation> onEstablished) {
        Objects.requireNonNull(onEstablished, "onEstablished");
        if (!code.isSuccess()) {
            throw new IllegalStateException("only a success response establishes an observation, not " + code);
        }
        return new UplinkResponse(code, payload, contentFormat, locationPath, afterSent, onEstablished);
    }

    /** What {@link #observe} attached: the receiver of a newly established observation; empty when none. */
    public Optional<Consumer<ServedObservation>> onObservationEstablished() {
        return Optional.ofNullable(onObserve);
    }

    public CoapCode code() {
        return code;
    }

    /** A copy of the payload; empty when there is none. */
    public byte[] payload() {
        return payload.length == 0 ? EMPTY : payload.clone();
    }

    public OptionalInt contentFormat() {
        return contentFormat == UplinkRequest.NO_FORMAT ? OptionalInt.empty() : OptionalInt.of(contentFormat);
    }

    /** The Location-Path segments; empty when none. */
    public List<String> locationPath() {
        return locationPath;
    }

    /** Whether work was attached with {@link #afterSent}. */
    public boolean hasAfterSent() {
        return afterSent != NOTHING;
    }

    /** The work attached with {@link #afterSent}; a no-op when none. */
    public Runnable afterSentAction() {
        return afterSent;
    }

    @Override
    public String toString() {
        if (isDropped()) {
            return "dropped";
        }
        return code + (locationPath.isEmpty() ? "" : " at /" + String.join("/", locationPath))
                + (payload.length == 0 ? "" : " (" + payload.length + " bytes)")
                + (onObserve == null ? "" : " establishing an observation");
    }
}
