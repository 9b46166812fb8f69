package org.imcsim.device.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.imcsim.units.Quantity;
import org.imcsim.units.QuantityFormatException;

/**
 * Raw parameter values (as written in a config: strings, numbers as text) checked against a list
 * of {@link ParameterSpec}s. Unknown keys are rejected with the list of known ones; every getter
 * falls back to the declared default and throws {@link DeviceParameterException} naming the key
 * when a value does not parse or a required value is missing. Immutable.
 */
public final class DeviceParameters {
    private final Map<String, String> raw;
    private final Map<String, ParameterSpec> specs;

    private DeviceParameters(Map<String, String> raw, Map<String, ParameterSpec> specs) {
        this.raw = raw;
        this.specs = specs;
    }

    /** Validates the key set of {@code raw} against {@code specs}; values are checked when read. */
    public static DeviceParameters of(Map<String, String> raw, List<ParameterSpec> specs) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            byName.put(s.name(), s);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (!byName.containsKey(e.getKey())) {
                throw new DeviceParameterException(e.getKey(),
                        "unknown parameter; known: " + String.join(", ", new TreeSet<>(byName.keySet())));
            }
            copy.put(e.getKey(), e.getValue());
        }
        return new DeviceParameters(Collections.unmodifiableMap(copy), Collections.unmodifiableMap(byName));
    }

    /** The values actually given (not defaults), in the order given. */
    public Map<String, String> given() {
        return raw;
    }

    /** True if the user set {@code name} explicitly. */
    public boolean isSet(String name) {
        return raw.containsKey(name);
    }

    /** True if {@code name} has a value: set explicitly or by a declared default. */
    public boolean hasValue(String name) {
        return raw.containsKey(name) || spec(name).defaultValue() != null;
    }

    /** The value as written, or the default; throws if required and absent. */
    public String text(String name) {
        ParameterSpec spec = spec(name);
        String v = raw.get(name);
        if (v == null) {
            v = spec.defaultValue();
        }
        if (v == null) {
            throw new DeviceParameterException(name, "is required (" + spec.description() + ")");
        }
        return v.strip();
    }

    /** A quantity in SI units (ohms, siemens, volts, seconds, ...). */
    public double si(String name) {
        ParameterSpec spec = spec(name);
        try {
            return Quantity.parseSi(text(name), spec.dimension());
        } catch (QuantityFormatException e) {
            throw new DeviceParameterException(name, e.getMessage());
        }
    }

    /** A plain finite number (a trailing {@code %} divides by 100). */
    public double number(String name) {
        String t = text(name);
        try {
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100.0 : Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DeviceParameterException(name, "expected a number, got \"" + t + "\"");
        }
    }

    /** An integer. */
    public int integer(String name) {
        String t = text(name);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new DeviceParameterException(name, "expected an integer, got \"" + t + "\"");
        }
    }

    /** {@code true} or {@code false}, nothing else. */
    public boolean bool(String name) {
        String t = text(name).toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw new DeviceParameterException(name, "expected true or false, got \"" + t + "\"");
    }

    /** One of the declared choices. */
    public String choice(String name) {
        ParameterSpec spec = spec(name);
        String t = text(name);
        if (!spec.choices().contains(t)) {
            throw new DeviceParameterException(name, "expected one of " + String.join(", ", spec.choices()) + ", got \"" + t + "\"");
        }
        return t;
    }

    private ParameterSpec spec(String name) {
        ParameterSpec s = specs.get(name);
        if (s == null) {
            throw new IllegalStateException("model reads undeclared parameter " + name);
        }
        return s;
    }
}
