package io.wisp.core.model.validate;

import static io.wisp.core.model.validate.SampleDdf.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseRuleTest {

    private static String withLicense(String comment) {
        String xml = SampleDdf.VALID;
        int start = xml.indexOf("<!--");
        int end = xml.indexOf("-->") + 3;
        return xml.substring(0, start) + comment + xml.substring(end);
    }

    @Test
    void no_license_comment_is_a_warning_at_the_top() {
        List<Finding> findings = validate(withLicense(""));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("license.missing");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(1);
        });
    }

    @Test
    void other_licenses_are_warnings_naming_the_license() {
        String mit = "<!-- MIT License\n Copyright (c) 2024 Someone\n Permission is hereby granted, free of charge,"
                + " to any person obtaining a copy of this software ... -->";
        String apache = "<!-- Apache License\n Version 2.0, January 2004 -->";
        String bsd2 = "<!-- Copyright 2024 Someone.\n Redistribution and use in source and binary forms, with or "
                + "without modification, are permitted provided that two conditions are met ... -->";
        for (String license : List.of(mit, apache, bsd2)) {
            List<Finding> findings = validate(withLicense(license));
            assertThat(findings).as(license).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("license.not-bsd3");
                assertThat(f.value()).isNotBlank();
            });
        }
    }

    @Test
    void bsd3_is_recognised_by_its_wording_or_its_name() {
        assertThat(validate(withLicense("<!-- SPDX-License-Identifier: BSD-3-Clause -->"))).isEmpty();
        assertThat(validate(withLicense("<!-- Copyright OMA. Redistribution and use in source and binary forms ... "
                + "3. Neither the name of the copyright holder nor the names of its contributors ... -->")))
                .isEmpty();
        assertThat(validate(withLicense("<!-- BSD-3 Clause, but actually: Apache License 2.0 -->")))
                .extracting(Finding::ruleId).containsExactly("license.not-bsd3");
    }
}
