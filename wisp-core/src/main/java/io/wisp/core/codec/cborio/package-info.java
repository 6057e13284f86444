/**
 * Low-level CBOR (RFC 8949) shared by the CBOR-based content formats: application/cbor ({@code codec.cbor}), LwM2M
 * CBOR ({@code codec.lwm2mcbor}) and, for what Jackson misreads, SenML CBOR ({@code codec.senml}). A bounded pull
 * {@link io.wisp.core.codec.cborio.CborReader} that reports byte offsets, a definite-length
 * {@link io.wisp.core.codec.cborio.CborWriter}, and {@link io.wisp.core.codec.cborio.CborValues}, the one mapping
 * between LwM2M data types and CBOR items (Core TS Appendix C). Nothing here builds nodes (the format packages do);
 * a path only names where an error is.
 */
package io.wisp.core.codec.cborio;
