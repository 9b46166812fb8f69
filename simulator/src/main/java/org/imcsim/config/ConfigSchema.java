package org.imcsim.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.imcsim.device.api.DeviceModelProvider;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.device.api.ParameterSpec;
import org.imcsim.units.Dimension;

/**
 * Generates the JSON Schema (draft 2020-12) of the config from the records' {@link Param}
 * annotations, plus one {@code if/then} per device model provider giving that model's parameters.
 * {@code docs/config.schema.json} is this output for the built-in providers; a test fails when the
 * committed file is stale (regenerate command in {@code docs/config-reference.md}).
 */
public final class ConfigSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Providers shipped with imcsim (package {@code org.imcsim.device.*}); third-party and test providers are left out. */
    public static final Predicate<DeviceModelProvider> BUILT_IN =
            p -> p.getClass().getName().startsWith("org.imcsim.device.");

    private ConfigSchema() {
    }

    /** The schema for the built-in device models, as canonical JSON text (two-space indent, final newline). */
    public static String builtInJson() {
        return toText(generate(DeviceModels.discover(), BUILT_IN));
    }

    /** The schema with the device models of {@code registry} accepted by {@code include}. */
    public static ObjectNode generate(DeviceModels registry, Predicate<DeviceModelProvider> include) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://github.com/imcsim/imcsim/docs/config.schema.json");
        root.put("title", "imcsim configuration");
        root.put("description", "An imcsim run configuration (YAML or JSON). Generated from the config records; "
                + "quantities are strings with a unit, unknown keys are errors.");
        section(root, Config.class, registry, include);
        return root;
    }

    /** Pretty, stable text of a schema node. */
    public static String toText(JsonNode schema) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(pp).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasRequired(Class<? extends Record> type) {
        for (ConfigBinder.Key k : ConfigBinder.keys(type)) {
            if (k.isRequired() || (k.isSection() && hasRequired(k.sectionType()))) {
                return true;
            }
        }
        return false;
    }

    private static void section(ObjectNode s, Class<? extends Record> type, DeviceModels registry,
                                Predicate<DeviceModelProvider> include) {
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        boolean open = false;
        for (ConfigBinder.Key k : ConfigBinder.keys(type)) {
            if (k.isOtherKeys()) {
                open = true;
                continue;
            }
            ObjectNode p = props.putObject(k.name());
            if (k.isSection()) {
                p.put("description", k.param().description());
                section(p, k.sectionType(), registry, include);
                if (hasRequired(k.sectionType())) {
                    required.add(k.name());
                }
            } else {
                key(p, k);
                if (k.isRequired()) {
                    required.add(k.name());
                }
            }
        }
        if (!required.isEmpty()) {
            s.set("required", required);
        }
        if (open) {
            ArrayNode types = NODES.arrayNode().add("string").add("number").add("boolean");
            s.putObject("additionalProperties").set("type", types);
            ArrayNode all = NODES.arrayNode();
            for (DeviceModelProvider provider : registry.providers()) {
                if (include.test(provider)) {
                    all.add(deviceModel(provider));
                }
            }
            if (!all.isEmpty()) {
                s.set("allOf", all);
            }
        } else {
            s.put("additionalProperties", false);
        }
    }

    private static void key(ObjectNode p, ConfigBinder.Key k) {
        ConfigKeys.KeyDoc doc = ConfigKeys.doc("", k);
        Param a = k.param();
        String description = a.description();
        Class<?> t = k.type();
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            p.put("type", "integer");
            bounds(p, a);
        } else if ((t == double.class || t == Double.class) && !k.isQuantity()) {
            p.put("type", "number");
            bounds(p, a);
        } else if (t == double.class || t == Double.class) {
            p.put("type", "string");
            p.put("pattern", pattern(a.unit()));
            p.put("x-unit", a.unit().siSymbol());
            if (!doc.range().isEmpty()) {
                description += " (" + doc.range() + ")";
            }
        } else if (t == boolean.class || t == Boolean.class) {
            p.put("type", "boolean");
        } else if (t.isEnum()) {
            p.put("type", "string");
            ArrayNode e = p.putArray("enum");
            doc.choices().forEach(e::add);
        } else {
            p.put("type", "string");
            p.put("minLength", 1);
        }
        p.put("description", description);
        String d = k.defaultText();
        if (d != null) {
            p.set("default", ConfigTreeReader.readValue(d, "default", k.name()));
        }
    }

    private static void bounds(ObjectNode p, Param a) {
        boolean integer = "integer".equals(p.get("type").textValue());
        if (a.min() != Double.NEGATIVE_INFINITY) {
            number(p, a.minExclusive() ? "exclusiveMinimum" : "minimum", a.min(), integer);
        }
        if (a.max() != Double.POSITIVE_INFINITY) {
            number(p, a.maxExclusive() ? "exclusiveMaximum" : "maximum", a.max(), integer);
        }
    }

    private static void number(ObjectNode p, String name, double v, boolean integer) {
        if (integer || v == Math.rint(v)) {
            p.put(name, (long) v);
        } else {
            p.put(name, v);
        }
    }

    /** A regular expression for a quantity of {@code d}: number, optional space, optional prefix, symbol. */
    static String pattern(Dimension d) {
        List<String> syms = new ArrayList<>();
        for (String s : d.symbols()) {
            syms.add(java.util.regex.Pattern.quote(s).replace("\\Q", "").replace("\\E", ""));
        }
        String units = String.join("|", syms);
        if (d == Dimension.TIME) {
            units = units + "|min|h|d";
        }
        return "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*(f|p|n|u|µ|μ|m|k|M|G|T)?(" + units + ")\\s*$";
    }

    /** A provider's textual default as the JSON type its kind declares (integers and booleans unquoted). */
    private static JsonNode typedDefault(ParameterSpec spec) {
        String d = spec.defaultValue().strip();
        try {
            switch (spec.kind()) {
                case INTEGER:
                    return NODES.numberNode(Long.parseLong(d));
                case NUMBER:
                    return NODES.numberNode(Double.parseDouble(d));
                case BOOLEAN:
                    if (d.equals("true") || d.equals("false")) {
                        return NODES.booleanNode(Boolean.parseBoolean(d));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // keep the text as written (e.g. "3%")
        }
        return NODES.textNode(d);
    }

    private static ObjectNode deviceModel(DeviceModelProvider provider) {
        ObjectNode branch = NODES.objectNode();
        ObjectNode cond = branch.putObject("if");
        cond.putObject("properties").putObject("model").put("const", provider.name());
        cond.putArray("required").add("model");
        ObjectNode then = branch.putObject("then");
        then.put("description", provider.name() + ": " + provider.description());
        ObjectNode props = then.putObject("properties");
        props.put("model", true);
        Map<String, Map<String, String>> profiles = new TreeMap<>(provider.profiles());
        if (profiles.isEmpty()) {
            props.put("profile", false); // this model has no profiles
        } else {
            ArrayNode e = props.putObject("profile").putArray("enum");
            profiles.keySet().forEach(e::add);
        }
        for (ParameterSpec spec : provider.parameters()) {
            ObjectNode p = props.putObject(spec.name());
            switch (spec.kind()) {
                case QUANTITY -> {
                    p.put("type", "string");
                    p.put("pattern", pattern(spec.dimension()));
                    p.put("x-unit", spec.dimension().siSymbol());
                }
                case NUMBER -> p.set("type", NODES.arrayNode().add("number").add("string"));
                case INTEGER -> p.put("type", "integer");
                case BOOLEAN -> p.put("type", "boolean");
                case CHOICE -> {
                    p.put("type", "string");
                    ArrayNode e = p.putArray("enum");
                    spec.choices().forEach(e::add);
                }
                case TEXT -> p.set("type", NODES.arrayNode().add("string").add("number")); // YAML scalars reach providers as text
            }
            p.put("description", spec.description());
            if (spec.defaultValue() != null) {
                p.set("default", typedDefault(spec));
            }
        }
        then.put("additionalProperties", false);
        return branch;
    }
}
