package io.ngisec.server.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code --since} value: an instant ({@code 2026-11-01T00:00:00Z}) or a time ago ({@code 24h}). */
record Since(Instant at, Duration ago) {

    Instant resolve(Clock clock) {
        return at != null ? at : clock.instant().minus(ago);
    }

    /** picocli converter for {@code --since}. */
    static final class Converter implements ITypeConverter<Since> {
        @Override
        public Since convert(String text) {
            if (text.contains("T") && !text.strip().startsWith("P")) {
                try {
                    return new Since(Instant.parse(text.strip()), null);
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("'" + text
                            + "' is neither an instant such as 2026-11-01T00:00:00Z nor a duration such as 24h");
                }
            }
            return new Since(null, DurationConverter.parse(text));
        }
    }
}
