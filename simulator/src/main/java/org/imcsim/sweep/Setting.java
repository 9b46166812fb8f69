package org.imcsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One value a parameter takes: the config value (a scalar, or a mapping that replaces a whole
 * section) and how tables show it. A named choice ({@code choices: {rram: {...}}}) shows its name.
 *
 * @param value the value written into the config at the parameter's path
 * @param label the name shown in tables and plots for a named choice, else null
 */
public record Setting(JsonNode value, String label) {
    public Setting {
        Objects.requireNonNull(value, "value");
    }

    /** A plain value shown as itself. */
    public static Setting of(JsonNode value) {
        return new Setting(value, null);
    }

    /** The text shown in tables: the label, else the value as written ({@code 64}, {@code 22nm}, {@code true}). */
    public String display() {
        if (label != null) {
            return label;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The value as the constraint language sees it: the label for a named choice. */
    Expression.Value expressionValue() {
        if (label != null) {
            return new Expression.Text(label);
        }
        return toValue(value);
    }

    static Expression.Value toValue(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        if (v.isBoolean()) {
            return new Expression.Bool(v.booleanValue());
        }
        if (v.isNumber()) {
            return new Expression.Num(v.doubleValue());
        }
        return new Expression.Text(v.asText());
    }
}
