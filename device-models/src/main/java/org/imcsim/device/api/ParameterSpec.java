package org.imcsim.device.api;

import java.util.List;
import java.util.Objects;
import org.imcsim.units.Dimension;

/**
 * Declares one parameter of a device model (or any other pluggable model): its key, what it
 * measures, its default as written in a config, and a one-line description. {@code choices} is
 * non-empty for enumerated text parameters. Used for validation, {@code imcsim describe} and the
 * config JSON schema.
 *
 * @param name         config key, e.g. {@code "ron"}
 * @param kind         how the value is written
 * @param dimension    for {@link Kind#QUANTITY}, the physical dimension; otherwise DIMENSIONLESS
 * @param defaultValue default as written in a config ({@code "100kOhm"}), or null if required
 * @param description  one line: meaning, range, and the source of the default
 * @param choices      allowed values for {@link Kind#CHOICE}
 */
public record ParameterSpec(String name, Kind kind, Dimension dimension, String defaultValue,
                            String description, List<String> choices) {

    /** How a parameter value is written. */
    public enum Kind { QUANTITY, NUMBER, INTEGER, BOOLEAN, CHOICE, TEXT }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(description, "description");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ParameterSpec quantity(String name, Dimension dimension, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.QUANTITY, dimension, defaultValue, description, List.of());
    }

    public static ParameterSpec number(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.NUMBER, Dimension.DIMENSIONLESS, defaultValue, description, List.of());
    }

    public static ParameterSpec integer(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.INTEGER, Dimension.DIMENSIONLESS, defaultValue, description, List.of());
    }

    public static ParameterSpec bool(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.BOOLEAN, Dimension.DIMENSIONLESS, defaultValue, description, List.of());
    }

    public static ParameterSpec choice(String name, String defaultValue, String description, List<String> choices) {
        return new ParameterSpec(name, Kind.CHOICE, Dimension.DIMENSIONLESS, defaultValue, description, choices);
    }

    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.TEXT, Dimension.DIMENSIONLESS, defaultValue, description, List.of());
    }

    /** Human-readable unit for {@code describe}: {@code "Ohm"}, {@code "integer"}, {@code "one of a|b"}. */
    public String unitLabel() {
        return switch (kind) {
            case QUANTITY -> dimension.siSymbol();
            case NUMBER -> "number";
            case INTEGER -> "integer";
            case BOOLEAN -> "true|false";
            case CHOICE -> "one of " + String.join("|", choices);
            case TEXT -> "text";
        };
    }
}
