/**
 * The fleet simulator's engine: {@link io.wisp.client.simulator.Fleet} runs thousands of real LwM2M clients in one
 * JVM on shared threads and sockets' plumbing, started and de-registered at a controlled rate
 * ({@link io.wisp.client.simulator.TokenBucket}), each with the objects {@link io.wisp.client.simulator.SimulatedObjects}
 * builds, counted in {@link io.wisp.client.simulator.FleetStats}. Usable without the command line; {@code wisp simulate}
 * is its front end.
 */
package io.wisp.client.simulator;
