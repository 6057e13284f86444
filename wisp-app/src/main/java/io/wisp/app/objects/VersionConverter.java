package io.wisp.app.objects;

import io.wisp.core.model.Version;
import picocli.CommandLine;

/** Reads {@code X.Y} options, with the version parser's message on bad input. */
final class VersionConverter implements CommandLine.ITypeConverter<Version> {
    @Override
    public Version convert(String value) {
        try {
            return Version.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
