package io.wisp.core.codec.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.codec.FuzzDecoding;

/**
 * Fuzzes the text/plain decoder (input layout and checks: {@link FuzzDecoding}). Without models the text may come
 * back as Opaque bytes, which re-encode as base64, so the decode-encode-decode check runs with models only.
 * {@code JAZZER_FUZZ=1 mvn -o test -pl wisp-core -Dtest=TextFuzzTest#decode -Djazzer.max_duration=5m}
 */
class TextFuzzTest {

    @FuzzTest
    void decode(byte[] data) {
        FuzzDecoding.decodeOrRefuse(TextCodec.INSTANCE, data, true);
    }
}
