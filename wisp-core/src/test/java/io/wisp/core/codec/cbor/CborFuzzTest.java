package io.wisp.core.codec.cbor;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.codec.FuzzDecoding;

/**
 * Fuzzes the application/cbor decoder (input layout and checks: {@link FuzzDecoding}).
 * {@code JAZZER_FUZZ=1 mvn -o test -pl wisp-core -Dtest=CborFuzzTest#decode -Djazzer.max_duration=5m}
 */
class CborFuzzTest {

    @FuzzTest
    void decode(byte[] data) {
        FuzzDecoding.decodeOrRefuse(CborCodec.INSTANCE, data, false);
    }
}
