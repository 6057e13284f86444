package io.wisp.core.codec.senml;

import io.wisp.core.codec.ContentFormat;
import java.time.Clock;

/**
 * SenML-ETCH CBOR (content format 322, RFC 8790): the request bodies of composite operations. A Fetch
 * Pack lists the paths of a Read-Composite or Observe-Composite (FETCH); a Patch Pack carries the values of a
 * Write-Composite (iPATCH), read and written like SenML CBOR records (Core TS §6.3 Write-Composite, §7.4).
 *
 * <p>Two RFC 8790 features have no LwM2M meaning and are refused as unsupported: a null value (remove the matched
 * records) and a measurement time when writing. Times in received records only select records in RFC 8790, so
 * they are ignored and the content decodes as one group without time. This is a request-body format: it is not
 * meant for Read responses or notifications, even though it can carry their nodes.
 */
public final class SenmlEtchCborCodec extends AbstractSenmlCodec {

    public SenmlEtchCborCodec() {
        super(ContentFormat.SENML_ETCH_CBOR, SenmlCborDialect.INSTANCE, Clock.systemUTC(), true);
    }
}
