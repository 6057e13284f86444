package io.wisp.bench.dtls;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of one full DTLS 1.2 handshake (RFC 6347) with AES-128-CCM-8, followed by one CoAP request over
 * the new connection: a state machine that a load generator feeds with the datagrams of one socket. It speaks just
 * enough DTLS to be a cheap, honest peer: the cookie exchange, PSK (RFC 4279) or ECDHE_ECDSA with raw public keys
 * (RFC 8422, RFC 7250, client authentication included), the Finished checks both ways, and the record protection
 * of RFC 6655. It does not verify the server's ECDSA signature (a load generator trusts its server) and does not
 * reassemble fragmented handshake messages (these flights are far below any MTU).
 */
final class DtlsClient {
    /** Where a client is. */
    enum State { HANDSHAKE, REQUEST, DONE, FAILED }

    static final int CHANGE_CIPHER_SPEC = 20;
    static final int ALERT = 21;
    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;
    private static final int HELLO_VERIFY_REQUEST = 3;
    private static final int CERTIFICATE = 11;
    private static final int SERVER_KEY_EXCHANGE = 12;
    private static final int CERTIFICATE_REQUEST = 13;
    private static final int SERVER_HELLO_DONE = 14;
    private static final int CERTIFICATE_VERIFY = 15;
    private static final int CLIENT_KEY_EXCHANGE = 16;
    private static final int FINISHED = 20;
    private static final int VERSION = 0xFEFD;
    private static final int RECORD_HEADER = 13;
    private static final int EXPLICIT_NONCE = 8;

    private final DtlsCrypto crypto;
    private final ClientCredentials credentials;
    private final byte[] request;
    private final byte[] clientRandom = new byte[32];
    private final Bytes transcript = new Bytes(768);
    private final List<byte[]> flight = new ArrayList<>(4);
    private byte[] serverRandom;
    private byte[] cookie = new byte[0];
    private byte[] clientHello;
    private boolean flightEndsWithFinished;
    private int sendMessageSeq;
    private int lastServerSeq = -1;
    private long epoch0Seq;
    private long epoch1Seq;
    private SecretKey masterSecret;
    private SecretKeySpec clientKey;
    private SecretKeySpec serverKey;
    private byte[] clientIv;
    private byte[] serverIv;
    private PublicKey serverEphemeral;
    private boolean certificateRequested;
    private int responseCode = -1;
    private State state = State.HANDSHAKE;
    private String failure = "";

    /**
     * A client that will authenticate with {@code credentials} and then send the CoAP message {@code request} (a
     * confirmable request, already encoded).
     */
    DtlsClient(DtlsCrypto crypto, ClientCredentials credentials, byte[] request) {
        this.crypto = crypto;
        this.credentials = credentials;
        this.request = request.clone();
        ThreadLocalRandom.current().nextBytes(clientRandom);
    }

    State state() {
        return state;
    }

    /** Why the client failed, when it did. */
    String failure() {
        return failure;
    }

    /** The code of the CoAP response (one byte, class in the top 3 bits), or -1 before it came. */
    int responseCode() {
        return responseCode;
    }

    /** The first flight: a ClientHello without cookie. Returns the datagram's length in {@code out}. */
    int start(Bytes out) {
        clientHello = clientHello();
        flight.clear();
        flight.add(clientHello);
        flightEndsWithFinished = false;
        return encodeFlight(out);
    }

    /**
     * Sends again what is unanswered: the last handshake flight with new record sequence numbers, or the request
     * (same CoAP message ID, new record). Returns the datagram's length, 0 when nothing is pending.
     */
    int retransmit(Bytes out) {
        if (state == State.HANDSHAKE) {
            return encodeFlight(out);
        }
        if (state == State.REQUEST) {
            out.clear();
            protect(out, APPLICATION_DATA, request, 0, request.length);
            return out.size();
        }
        return 0;
    }

    /** Handles one datagram from the server; returns the length of the datagram to answer with (0 for none). */
    int receive(byte[] in, int length, Bytes out) {
        out.clear();
        int at = 0;
        boolean resend = false;
        while (at + RECORD_HEADER <= length && state != State.FAILED) {
            int type = in[at] & 0xFF;
            int epoch = Bytes.u16(in, at + 3);
            int fragment = Bytes.u16(in, at + 11);
            int body = at + RECORD_HEADER;
            if (body + fragment > length) {
                break;
            }
            if (epoch == 0 && type == HANDSHAKE) {
                resend |= handshakeRecord(in, body, fragment, out);
            } else if (epoch == 0 && type == ALERT && fragment >= 2) {
                fail("alert " + (in[body + 1] & 0xFF) + " from the server during the handshake");
            } else if (epoch == 1 && masterSecret != null && type != CHANGE_CIPHER_SPEC) {
                byte[] plain = unprotect(in, at, fragment);
                if (plain == null) {
                    fail("a record of epoch 1 did not authenticate");
                } else {
                    protectedRecord(type, plain, out);
                }
            }
            at = body + fragment;
        }
        if (resend && out.size() == 0 && state == State.HANDSHAKE && flightEndsWithFinished) {
            return encodeFlight(out);
        }
        return out.size();
    }

    /** Handshake messages in an epoch-0 record; returns whether the server repeated a flight we already answered. */
    private boolean handshakeRecord(byte[] in, int at, int length, Bytes out) {
        int end = at + length;
        boolean repeated = false;
        while (at + 12 <= end) {
            int type = in[at] & 0xFF;
            int bodyLength = Bytes.u24(in, at + 1);
            int seq = Bytes.u16(in, at + 4);
            int fragmentOffset = Bytes.u24(in, at + 6);
            int fragmentLength = Bytes.u24(in, at + 9);
            if (fragmentOffset != 0 || fragmentLength != bodyLength || at + 12 + bodyLength > end) {
                return repeated;
            }
            if (seq <= lastServerSeq) {
                repeated = true;
            } else if (state == State.HANDSHAKE && serverMessage(type, in, at, 12 + bodyLength, out)
                    && type != HELLO_VERIFY_REQUEST) {
                lastServerSeq = seq;
            }
            at += 12 + bodyLength;
        }
        return repeated;
    }

    /** One handshake message of the server's flight; returns whether it was expected now. */
    private boolean serverMessage(int type, byte[] in, int at, int length, Bytes out) {
        int body = at + 12;
        switch (type) {
            case HELLO_VERIFY_REQUEST:
                if (serverRandom != null || cookie.length > 0 || length < 15) {
                    return false;
                }
                int cookieLength = in[body + 2] & 0xFF;
                cookie = Arrays.copyOfRange(in, body + 3, body + 3 + cookieLength);
                clientHello = clientHello();
                flight.clear();
                flight.add(clientHello);
                encodeFlight(out);
                return true;
            case SERVER_HELLO:
                if (serverRandom != null) {
                    return false;
                }
                serverRandom = Arrays.copyOfRange(in, body + 2, body + 34);
                int sessionIdLength = in[body + 34] & 0xFF;
                int suite = Bytes.u16(in, body + 35 + sessionIdLength);
                if (suite != credentials.cipherSuite()) {
                    fail(String.format("the server chose cipher suite 0x%04X", suite));
                    return false;
                }
                transcript.put(clientHello);
                break;
            case CERTIFICATE:
                break;
            case SERVER_KEY_EXCHANGE:
                if (credentials instanceof ClientCredentials.Rpk) {
                    // ECParameters: curve type 3 (named curve), the curve, then the point (RFC 8422 §5.4).
                    int pointLength = in[body + 3] & 0xFF;
                    serverEphemeral = crypto.decodePoint(in, body + 4, pointLength);
                    if (serverEphemeral == null) {
                        fail("the server's ECDH point is not on secp256r1");
                        return false;
                    }
                }
                break;
            case CERTIFICATE_REQUEST:
                certificateRequested = true;
                break;
            case SERVER_HELLO_DONE:
                if (serverRandom == null) {
                    return false;
                }
                transcript.put(in, at, length);
                clientFlight(out);
                return true;
            default:
                return false;
        }
        if (serverRandom == null) {
            return false;
        }
        transcript.put(in, at, length);
        return true;
    }

    /** Certificate, ClientKeyExchange, CertificateVerify as the mode needs, ChangeCipherSpec, Finished. */
    private void clientFlight(Bytes out) {
        flight.clear();
        byte[] premaster;
        if (credentials instanceof ClientCredentials.Psk psk) {
            Bytes cke = new Bytes(2 + psk.identity().length).u16(psk.identity().length).put(psk.identity());
            flight.add(message(CLIENT_KEY_EXCHANGE, cke));
            int n = psk.key().length;
            premaster = new Bytes(4 + 2 * n).u16(n).put(new byte[n]).u16(n).put(psk.key()).toArray();
        } else {
            if (serverEphemeral == null) {
                fail("the server sent no ServerKeyExchange");
                return;
            }
            KeyPair own = ((ClientCredentials.Rpk) credentials).keys();
            if (certificateRequested) {
                byte[] spki = own.getPublic().getEncoded();
                flight.add(message(CERTIFICATE, new Bytes(3 + spki.length).u24(spki.length).put(spki)));
            }
            KeyPair eph = crypto.ephemeralKeys();
            byte[] point = DtlsCrypto.encodePoint(eph.getPublic());
            flight.add(message(CLIENT_KEY_EXCHANGE, new Bytes(1 + point.length).u8(point.length).put(point)));
            premaster = crypto.agree(eph.getPrivate(), serverEphemeral);
            if (certificateRequested) {
                byte[] sig = crypto.sign(own.getPrivate(), transcript.array(), transcript.size());
                flight.add(message(CERTIFICATE_VERIFY, new Bytes(4 + sig.length).u16(0x0403).u16(sig.length)
                        .put(sig)));
            }
        }
        masterSecret = crypto.masterSecret(premaster, clientRandom, serverRandom);
        byte[] keys = crypto.keyBlock(masterSecret, serverRandom, clientRandom, 40);
        clientKey = new SecretKeySpec(keys, 0, 16, "AES");
        serverKey = new SecretKeySpec(keys, 16, 16, "AES");
        clientIv = Arrays.copyOfRange(keys, 32, 36);
        serverIv = Arrays.copyOfRange(keys, 36, 40);
        byte[] verify = crypto.verifyData(masterSecret, true, transcript.array(), transcript.size());
        byte[] finished = message(FINISHED, new Bytes(12).put(verify));
        flight.add(finished);
        transcript.put(finished);
        flightEndsWithFinished = true;
        encodeFlight(out);
    }

    /** A record of epoch 1, decrypted: the server's Finished, the CoAP response, or an alert. */
    private void protectedRecord(int type, byte[] plain, Bytes out) {
        if (type == HANDSHAKE && state == State.HANDSHAKE && plain.length == 24 && (plain[0] & 0xFF) == FINISHED) {
            byte[] expected = crypto.verifyData(masterSecret, false, transcript.array(), transcript.size());
            if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(plain, 12, 24))) {
                fail("the server's Finished does not verify");
                return;
            }
            state = State.REQUEST;
            protect(out, APPLICATION_DATA, request, 0, request.length);
        } else if (type == APPLICATION_DATA && state == State.REQUEST && plain.length >= 4) {
            int coapType = (plain[0] >> 4) & 0x3;
            int code = plain[1] & 0xFF;
            if (coapType == 0) {
                // A confirmable (separate) response: acknowledge it (RFC 7252 §4.2).
                byte[] ack = {(byte) 0x60, 0, plain[2], plain[3]};
                protect(out, APPLICATION_DATA, ack, 0, ack.length);
            }
            if (code != 0) {
                responseCode = code;
                state = State.DONE;
            }
        } else if (type == ALERT && plain.length >= 2) {
            fail("alert " + (plain[1] & 0xFF) + " from the server");
        }
    }

    private byte[] clientHello() {
        Bytes b = new Bytes(128).u16(VERSION).put(clientRandom).u8(0).u8(cookie.length).put(cookie)
                .u16(2).u16(credentials.cipherSuite()).u8(1).u8(0);
        if (credentials instanceof ClientCredentials.Rpk) {
            Bytes ext = new Bytes(64)
                    .u16(10).u16(4).u16(2).u16(23)            // supported_groups: secp256r1
                    .u16(11).u16(2).u8(1).u8(0)               // ec_point_formats: uncompressed
                    .u16(13).u16(4).u16(2).u16(0x0403)        // signature_algorithms: ecdsa_secp256r1_sha256
                    .u16(19).u16(2).u8(1).u8(2)               // client_certificate_type: raw public key
                    .u16(20).u16(2).u8(1).u8(2);              // server_certificate_type: raw public key
            b.u16(ext.size()).put(ext.array(), 0, ext.size());
        }
        return message(CLIENT_HELLO, b);
    }

    /** A handshake message with its DTLS header, unfragmented (RFC 6347 §4.2.2). */
    private byte[] message(int type, Bytes body) {
        int n = body.size();
        Bytes m = new Bytes(12 + n).u8(type).u24(n).u16(sendMessageSeq++).u24(0).u24(n).put(body.array(), 0, n);
        byte[] bytes = m.toArray();
        if (type != CLIENT_HELLO && type != FINISHED) {
            transcript.put(bytes);
        }
        return bytes;
    }

    /** The current flight as one datagram, every record with a fresh sequence number. */
    private int encodeFlight(Bytes out) {
        out.clear();
        int last = flight.size() - 1;
        for (int i = 0; i <= last; i++) {
            byte[] m = flight.get(i);
            if (i == last && flightEndsWithFinished) {
                out.u8(CHANGE_CIPHER_SPEC).u16(VERSION).u16(0).u48(epoch0Seq++).u16(1).u8(1);
                protect(out, HANDSHAKE, m, 0, m.length);
            } else {
                out.u8(HANDSHAKE).u16(VERSION).u16(0).u48(epoch0Seq++).u16(m.length).put(m);
            }
        }
        return out.size();
    }

    /** Appends one record of epoch 1 protected with AES-128-CCM-8 (RFC 6655 §3; nonce and AAD of RFC 5246 §6.2.3.3). */
    private void protect(Bytes out, int type, byte[] plain, int from, int length) {
        long seq = epoch1Seq++;
        byte[] explicit = new Bytes(8).u16(1).u48(seq).toArray();
        byte[] nonce = new byte[12];
        System.arraycopy(clientIv, 0, nonce, 0, 4);
        System.arraycopy(explicit, 0, nonce, 4, 8);
        byte[] aad = new Bytes(13).put(explicit).u8(type).u16(VERSION).u16(length).toArray();
        out.u8(type).u16(VERSION).put(explicit).u16(EXPLICIT_NONCE + length + DtlsCrypto.TAG).put(explicit);
        out.put(DtlsCrypto.seal(clientKey, nonce, aad, Arrays.copyOfRange(plain, from, from + length)));
    }

    /** The plaintext of the epoch-1 record at {@code at}, or {@code null} when it does not authenticate. */
    private byte[] unprotect(byte[] in, int at, int fragment) {
        int body = at + RECORD_HEADER;
        int plainLength = fragment - EXPLICIT_NONCE - DtlsCrypto.TAG;
        if (plainLength < 0) {
            return null;
        }
        byte[] nonce = new byte[12];
        System.arraycopy(serverIv, 0, nonce, 0, 4);
        System.arraycopy(in, body, nonce, 4, 8);
        byte[] aad = new Bytes(13).put(in, at + 3, 8).u8(in[at]).u16(VERSION).u16(plainLength).toArray();
        return DtlsCrypto.open(serverKey, nonce, aad, in, body + EXPLICIT_NONCE, plainLength + DtlsCrypto.TAG);
    }

    private void fail(String reason) {
        state = State.FAILED;
        failure = reason;
    }
}
