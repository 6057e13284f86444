package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Uri-Query options are split at their first '=' whatever the name, common LwM2M name or not. */
class QueryParamParseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ep=urn:imei:35|ep|urn:imei:35",
        "ept=x|ept|x",
        "e=x|e|x",
        "lwm2m=1.2|lwm2m|1.2",
        "lwm2=1.2|lwm2|1.2",
        "b=UQ|b|UQ",
        "bb=U|bb|U",
        "lt=|lt|''",
        "=x|''|x",
        "pid=a=b|pid|a=b",
        "Qx=1|Qx|1",
    })
    void a_name_value_option_splits_at_the_first_equals_sign(String option, String name, String value) {
        QueryParam q = QueryParam.parse(option);

        assertThat(q.name()).isEqualTo(name);
        assertThat(q.value()).isEqualTo(value);
        assertThat(q.isFlag()).isFalse();
        assertThat(q.toString()).isEqualTo(option);
    }

    @ParameterizedTest
    @CsvSource({"Q", "ep", "debug"})
    void an_option_without_equals_sign_is_a_flag(String option) {
        QueryParam q = QueryParam.parse(option);

        assertThat(q.name()).isEqualTo(option);
        assertThat(q.isFlag()).isTrue();
    }
}
