package io.wisp.core.model.ddf;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link DdfReader} with Jazzer. Under {@code mvn verify} this replays the seeds in
 * {@code src/test/resources/io/wisp/core/model/ddf/DdfReaderFuzzTestInputs/read/}; to fuzz for real run
 * {@code JAZZER_FUZZ=1 mvn -o test -pl wisp-core -Dtest=DdfReaderFuzzTest#read}. Any exception fails it: the reader
 * must only return results, and what it builds must survive a rewrite or be refused by the writer (see
 * {@link ReadOracle}).
 */
class DdfReaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read(byte[] input) {
        ReadOracle.check(input);
    }
}
