package io.wisp.app;

import io.wisp.core.model.Version;
import java.util.List;
import picocli.CommandLine;

/** Reads the {@code --lwm2m} option: one of the LwM2M versions a Wisp client speaks. */
final class Lwm2mVersionConverter implements CommandLine.ITypeConverter<Version> {
    private static final List<Version> SPOKEN = List.of(Version.V1_0, Version.V1_1, Version.V1_2);

    @Override
    public Version convert(String value) {
        if (Version.isValid(value)) {
            Version v = Version.parse(value);
            if (SPOKEN.contains(v)) {
                return v;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a LwM2M version the client speaks "
                + "(1.0, 1.1 or 1.2)");
    }
}
