package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ServedObservationsContract} with the device transport on shared resources: its socket is read by the
 * shared selector thread and its stack runs on the shared protocol threads and timer.
 */
class SharedServedObservationsTest extends ServedObservationsContract {
    private final TransportResources resources = TransportResources.create(2);

    @Override
    CoapTransport.Builder deviceMode(CoapTransport.Builder builder) {
        return builder.resources(resources);
    }

    @Override
    void afterCase() {
        assertThat(resources.transports()).as("transports still using the resources once closed").isZero();
        resources.close();
    }
}
