package io.wisp.app.http;

/** Object definitions for tests that upload one. */
public final class TestDdf {

    private TestDdf() {
    }

    /** DDF XML of object {@code id}, named {@code name}, whose one resource (0, "Level", R) has {@code resourceType}. */
    public static String oneResource(int id, String name, String resourceType) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<LWM2M xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:noNamespaceSchemaLocation=\"http://openmobilealliance.org/tech/profiles/LWM2M-v1_1.xsd\">\n"
                + "<Object ObjectType=\"MODefinition\"><Name>" + name + "</Name>"
                + "<Description1>An object uploaded by a test.</Description1><ObjectID>" + id + "</ObjectID>"
                + "<ObjectURN>urn:oma:lwm2m:x:" + id + "</ObjectURN><LWM2MVersion>1.1</LWM2MVersion>"
                + "<ObjectVersion>1.0</ObjectVersion><MultipleInstances>Multiple</MultipleInstances>"
                + "<Mandatory>Optional</Mandatory><Resources>"
                + "<Item ID=\"0\"><Name>Level</Name><Operations>R</Operations>"
                + "<MultipleInstances>Single</MultipleInstances><Mandatory>Mandatory</Mandatory>"
                + "<Type>" + resourceType + "</Type><RangeEnumeration></RangeEnumeration><Units></Units>"
                + "<Description>The level.</Description></Item>"
                + "</Resources><Description2></Description2></Object></LWM2M>\n";
    }
}
