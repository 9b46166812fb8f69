package org.imcsim.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imcsim.units.Dimension;

/**
 * The declared config keys, for documentation and tools: every section and every key with its
 * type, unit, default, range and meaning, as read from the {@link Param} annotations of the
 * records. Used by the schema, the reference, {@code imcsim list} and {@code imcsim describe}.
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    /**
     * One documented key.
     *
     * @param path        dotted path, e.g. {@code periphery.adc.bits}
     * @param type        what is written: {@code integer}, {@code number}, {@code true|false},
     *                    {@code text}, {@code frequency ("1GHz")}, {@code one of a|b}
     * @param unit        SI symbol of a quantity ({@code Hz}), or empty
     * @param defaultText the default as written, {@code (required)} or {@code (none)}
     * @param range       allowed range in words, or empty
     * @param description meaning
     * @param choices     allowed values for a choice, else empty
     */
    public record KeyDoc(String path, String type, String unit, String defaultText, String range, String description,
                         List<String> choices) {
    }

    /** Sections in declaration order, as dotted paths: {@code technology}, ..., {@code periphery.adc}, .... */
    public static List<String> sections() {
        List<String> out = new ArrayList<>();
        collectSections(Config.class, "", out);
        return out;
    }

    private static void collectSections(Class<? extends Record> type, String path, List<String> out) {
        for (ConfigBinder.Key k : ConfigBinder.keys(type)) {
            if (k.isSection()) {
                String p = ConfigBinder.join(path, k.name());
                out.add(p);
                collectSections(k.sectionType(), p, out);
            }
        }
    }

    /** The record type of a section path ({@code ""} is the root), or null if there is none. */
    public static Class<? extends Record> sectionType(String path) {
        Class<? extends Record> type = Config.class;
        if (path.isEmpty()) {
            return type;
        }
        for (String seg : path.split("\\.")) {
            Class<? extends Record> next = null;
            for (ConfigBinder.Key k : ConfigBinder.keys(type)) {
                if (k.isSection() && k.name().equals(seg)) {
                    next = k.sectionType();
                }
            }
            if (next == null) {
                return null;
            }
            type = next;
        }
        return type;
    }

    /** The one-line description of a section. */
    public static String sectionDescription(String path) {
        int cut = path.lastIndexOf('.');
        Class<? extends Record> parent = sectionType(cut < 0 ? "" : path.substring(0, cut));
        String name = path.substring(cut + 1);
        for (ConfigBinder.Key k : ConfigBinder.keys(parent)) {
            if (k.name().equals(name)) {
                return k.param().description();
            }
        }
        return "";
    }

    /** The value keys directly in a section (not its sub-sections, not the device's provider keys). */
    public static List<KeyDoc> keysOf(String sectionPath) {
        Class<? extends Record> type = sectionType(sectionPath);
        if (type == null) {
            throw new IllegalArgumentException("no config section " + sectionPath);
        }
        List<KeyDoc> out = new ArrayList<>();
        for (ConfigBinder.Key k : ConfigBinder.keys(type)) {
            if (k.isSection() || k.isOtherKeys()) {
                continue;
            }
            out.add(doc(ConfigBinder.join(sectionPath, k.name()), k));
        }
        return out;
    }

    /** Every value key of the config, section by section. */
    public static List<KeyDoc> all() {
        List<KeyDoc> out = new ArrayList<>(keysOf(""));
        for (String s : sections()) {
            out.addAll(keysOf(s));
        }
        return out;
    }

    /** Every choice key: its path and allowed values (ADC models, interconnects, schemes, ...). */
    public static List<KeyDoc> choices() {
        List<KeyDoc> out = new ArrayList<>();
        for (KeyDoc d : all()) {
            if (!d.choices().isEmpty()) {
                out.add(d);
            }
        }
        return out;
    }

    /** The {@link ConfigChoice} constants of a choice key, in declaration order, or empty. */
    static List<ConfigChoice> choiceConstants(ConfigBinder.Key k) {
        List<ConfigChoice> out = new ArrayList<>();
        if (k.type().isEnum()) {
            for (Object c : k.type().getEnumConstants()) {
                out.add((ConfigChoice) c);
            }
        }
        return out;
    }

    static KeyDoc doc(String path, ConfigBinder.Key k) {
        Param p = k.param();
        Dimension u = p.unit();
        String type;
        List<String> choices = List.of();
        Class<?> t = k.type();
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            type = "integer";
        } else if (t == double.class || t == Double.class) {
            type = u == Dimension.DIMENSIONLESS ? "number" : u.name().toLowerCase(Locale.ROOT) + " (" + u.example() + ")";
        } else if (t == boolean.class || t == Boolean.class) {
            type = "true|false";
        } else if (t.isEnum()) {
            choices = ConfigBinder.choiceNames(t);
            type = "one of " + String.join("|", choices);
        } else {
            type = "text";
        }
        String def = k.isRequired() ? "(required)" : k.isOptional() ? "(none)" : p.defaultValue();
        return new KeyDoc(path, type, u == Dimension.DIMENSIONLESS ? "" : u.siSymbol(), def, range(p), p.description(), choices);
    }

    /** The documented range in words, e.g. {@code 1 … 16384}, {@code > 0 Hz}, or empty. */
    static String range(Param p) {
        boolean lo = p.min() != Double.NEGATIVE_INFINITY;
        boolean hi = p.max() != Double.POSITIVE_INFINITY;
        Dimension u = p.unit();
        String loText = lo ? QuantityText.format(p.min(), u) : "";
        String hiText = hi ? QuantityText.format(p.max(), u) : "";
        if (lo && hi && !p.minExclusive() && !p.maxExclusive()) {
            return loText + " … " + hiText;
        }
        List<String> parts = new ArrayList<>();
        if (lo) {
            parts.add((p.minExclusive() ? "> " : "≥ ") + loText);
        }
        if (hi) {
            parts.add((p.maxExclusive() ? "< " : "≤ ") + hiText);
        }
        return String.join(", ", parts);
    }
}
