package io.wisp.core.codec.tlv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.codec.FuzzDecoding;

/**
 * Fuzzes the TLV decoder (see {@link FuzzDecoding} for the input layout and what is checked). {@code mvn verify}
 * replays the seeds in {@code TlvFuzzTestInputs/decode}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -o test -pl wisp-core -Dtest=TlvFuzzTest#decode -Djazzer.max_duration=5m}.
 */
class TlvFuzzTest {

    @FuzzTest
    void decode(byte[] data) {
        FuzzDecoding.decodeOrRefuse(TlvCodec.STANDARD, data, false);
    }
}
