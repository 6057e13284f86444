/**
 * SenML JSON (110), SenML CBOR (112), SenML-ETCH JSON (320) and SenML-ETCH CBOR (322): the LwM2M profile of
 * RFC 8428 and RFC 8790 (Core TS §7.4). The ETCH codecs live here rather than in a package of their own because they
 * read and write the very same records; only what a pack may contain differs.
 *
 * <h2>Reading</h2>
 * <ul>
 * <li>Names: a record's name is its base name ({@code bn}, kept until the next one) followed by its {@code n}; it
 * must be an LwM2M path: {@code /o/i/r} or {@code /o/i/r/ri} for a value, any path for a path list.</li>
 * <li>Values: exactly one of {@code v}, {@code vs}, {@code vb}, {@code vd}, {@code vlo} per value record; the model
 * types it, and a value of the wrong kind for the model's type is malformed. Without a model, {@code v} is a Float
 * when written with a fraction or exponent (JSON) or as a float (CBOR), else an Integer (an Unsigned Integer from
 * 2^63 to 2^64-1). {@code vd} is base64url in JSON (padding and the standard alphabet accepted), a byte string in
 * CBOR. {@code vlo} is an Objlnk {@code "o:i"}; for an Objlnk resource {@code vs} is accepted too. Base values
 * ({@code bv}) are added to {@code v}.</li>
 * <li>Times: base time plus time; 2^28 s or more is absolute (Unix epoch), less is relative to the decoding moment,
 * 0 or none is "now" (a null timestamp) — RFC 8428 §4.5.3, see {@code SenmlTimes}. Consecutive records with the
 * same time form one {@link io.wisp.core.codec.TimestampedNodes} group.</li>
 * <li>Ignored: units, sums, update times, base version, unknown fields. Refused as unsupported: fields whose label
 * ends with '_' (must-understand, RFC 8428 §4.4).</li>
 * </ul>
 *
 * <h2>Writing</h2>
 * One canonical form, the one the Core TS examples print (see {@code SenmlPacks}): a node at a path gets the path as
 * base name and relative names; nodes at several paths and timestamped groups get full names, with each group's
 * time as {@code bt} on its first record; a path list is one {@code n} per path. Floats are written so that they
 * read back as the same double (CBOR: single precision when exact, else double); times to the nanosecond; CBOR
 * containers with definite lengths.
 */
package io.wisp.core.codec.senml;
