package io.wisp.transport;

/** {@link ServedObservationsContract} with the device transport on its own threads and Californium's UDP socket. */
class ServedObservationsTest extends ServedObservationsContract {

    @Override
    CoapTransport.Builder deviceMode(CoapTransport.Builder builder) {
        return builder;
    }
}
