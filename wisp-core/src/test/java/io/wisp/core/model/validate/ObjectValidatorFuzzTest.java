package io.wisp.core.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes given to the validator produce findings, never an exception. Under {@code mvn verify} this replays the
 * seeds in {@code src/test/resources/io/wisp/core/model/validate/ObjectValidatorFuzzTestInputs/}; to fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -o verify -pl wisp-core -Dtest=ObjectValidatorFuzzTest#validatorNeverThrows}.
 */
class ObjectValidatorFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void validatorNeverThrows(byte[] data) {
        var findings = ObjectValidator.validateXml(data, "fuzz.xml");
        assertThat(findings).allSatisfy(f -> assertThat(f.toString()).startsWith("fuzz.xml"));
    }
}
