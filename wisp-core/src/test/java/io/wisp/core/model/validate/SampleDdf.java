package io.wisp.core.model.validate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small, valid object definition written for these tests, and helpers to break it one edit at a time and see
 * what the validator says.
 */
final class SampleDdf {
    static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- BSD-3-Clause License

              Copyright 2024 The Wisp authors.

              Redistribution and use in source and binary forms, with or without modification, are permitted
              provided that the following conditions are met: (1) source code keeps this notice; (2) binary forms
              reproduce it in their documentation; (3) neither the name of the copyright holder nor the names of
              its contributors may be used to endorse derived products without prior written permission.
            -->
            <LWM2M xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:noNamespaceSchemaLocation="http://www.openmobilealliance.org/tech/profiles/LWM2M-v1_1.xsd">
              <Object ObjectType="MODefinition">
                <Name>Sample Sensor</Name>
                <Description1>A small object for the validator's tests.</Description1>
                <ObjectID>10241</ObjectID>
                <ObjectURN>urn:oma:lwm2m:x:10241:1.1</ObjectURN>
                <LWM2MVersion>1.1</LWM2MVersion>
                <ObjectVersion>1.1</ObjectVersion>
                <MultipleInstances>Multiple</MultipleInstances>
                <Mandatory>Optional</Mandatory>
                <Resources>
                  <Item ID="0">
                    <Name>Sensor Value</Name>
                    <Operations>R</Operations>
                    <MultipleInstances>Single</MultipleInstances>
                    <Mandatory>Mandatory</Mandatory>
                    <Type>Float</Type>
                    <RangeEnumeration>-40..125</RangeEnumeration>
                    <Units>Cel</Units>
                    <Description>The last measured temperature.</Description>
                  </Item>
                  <Item ID="1">
                    <Name>Reset Min and Max</Name>
                    <Operations>E</Operations>
                    <MultipleInstances>Single</MultipleInstances>
                    <Mandatory>Optional</Mandatory>
                    <Type></Type>
                    <RangeEnumeration></RangeEnumeration>
                    <Units></Units>
                    <Description>Forgets the recorded extremes.</Description>
                  </Item>
                  <Item ID="2">
                    <Name>Sample Count</Name>
                    <Operations>RW</Operations>
                    <MultipleInstances>Single</MultipleInstances>
                    <Mandatory>Optional</Mandatory>
                    <Type>Unsigned Integer</Type>
                    <RangeEnumeration>0..65535</RangeEnumeration>
                    <Units></Units>
                    <Description>How many samples make one value.</Description>
                  </Item>
                </Resources>
                <Description2></Description2>
              </Object>
            </LWM2M>
            """;

    private SampleDdf() {
    }

    /** The sample with each {@code from} replaced by the following {@code to}; fails if a {@code from} is absent. */
    static String with(String... fromTo) {
        String xml = VALID;
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!xml.contains(fromTo[i])) {
                throw new IllegalArgumentException("the sample has no '" + fromTo[i] + "'");
            }
            xml = xml.replace(fromTo[i], fromTo[i + 1]);
        }
        return xml;
    }

    static List<Finding> validate(String xml) {
        return ObjectValidator.validateXml(xml.getBytes(StandardCharsets.UTF_8), "sample.xml");
    }

    /** The one-based line of the first occurrence of {@code text}. */
    static int lineOf(String xml, String text) {
        int at = xml.indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException("no '" + text + "' in the XML");
        }
        return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }
}
