package org.imcsim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.imcsim.device.api.DeviceModels;
import org.junit.jupiter.api.Test;

/**
 * Checks the generated schema against the binder with a small validator for the keywords the
 * schema uses (type, enum, pattern, minimum/maximum and their exclusive forms, properties,
 * required, additionalProperties, allOf/if/then/const): what binds must conform, and the
 * mistakes the binder rejects for structure (unknown key, missing unit, bad choice) must not.
 */
class ConfigSchemaTest {
    private static final ObjectNode SCHEMA = ConfigSchema.generate(DeviceModels.discover(), p -> true);

    @Test
    void draft202012WithEverySection() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", SCHEMA.get("$schema").textValue());
        for (String s : ConfigKeys.sections()) {
            JsonNode n = SCHEMA;
            for (String seg : s.split("\\.")) {
                n = n.get("properties").get(seg);
            }
            assertEquals("object", n.get("type").textValue(), s);
        }
        assertEquals(List.of("device", "workload"), list(SCHEMA.get("required")));
    }

    @Test
    void configsThatBindConformToTheSchema() {
        for (String name : Presets.names()) {
            assertEquals(List.of(), validate(SCHEMA.deepCopy().without("allOf"), ConfigDocument.preset(name).tree(), ""), name);
        }
        ConfigDocument good = ConfigDocument.read(Path.of("src/test/resources/configs/good.yaml"));
        assertEquals(List.of(), validate(SCHEMA, good.tree(), ""));
        Config bound = good.bind();
        assertEquals(List.of(), validate(SCHEMA, ConfigDocument.resolvedTreeOf(bound, DeviceModels.discover()), ""));
    }

    @Test
    void structuralMistakesViolateTheSchema() {
        ConfigDocument base = ConfigDocumentTest.yaml(ConfigDocumentTest.MINIMAL);
        assertTrue(validate(SCHEMA, base.tree().put("crosbar", 1), "").contains("/crosbar: not allowed"));
        ObjectNode t = base.tree();
        t.putObject("chip").put("clock", "1000");
        assertTrue(validate(SCHEMA, t, "").get(0).startsWith("/chip/clock: does not match"));
        t = base.tree();
        t.putObject("periphery").putObject("adc").put("bits", 0).put("model", "MLSA");
        assertEquals(List.of("/periphery/adc/bits: below minimum 1", "/periphery/adc/model: not one of [\"mlsa\",\"flash\",\"sar\"]"),
                validate(SCHEMA, t, ""));
        t = base.tree();
        ((ObjectNode) t.get("device")).put("ronn", "1kOhm");
        assertEquals(List.of("/device/ronn: not allowed"), validate(SCHEMA, t, ""));
        t = base.tree();
        t.remove("workload");
        assertEquals(List.of(": missing required workload"), validate(SCHEMA, t, ""));
    }

    /** Violations of {@code schema} by {@code v}, as "path: problem". */
    static List<String> validate(JsonNode schema, JsonNode v, String at) {
        List<String> out = new ArrayList<>();
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                out.add(at + ": not allowed");
            }
            return out;
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            boolean ok = false;
            for (JsonNode t : type.isArray() ? type : List.of(type)) {
                ok |= switch (t.textValue()) {
                    case "object" -> v.isObject();
                    case "string" -> v.isTextual();
                    case "integer" -> v.isIntegralNumber();
                    case "number" -> v.isNumber();
                    case "boolean" -> v.isBoolean();
                    default -> throw new IllegalStateException(t.textValue());
                };
            }
            if (!ok) {
                out.add(at + ": not of type " + type);
                return out;
            }
        }
        if (schema.has("enum")) {
            boolean ok = false;
            for (JsonNode e : schema.get("enum")) {
                ok |= e.equals(v);
            }
            if (!ok) {
                out.add(at + ": not one of " + schema.get("enum"));
            }
        }
        if (schema.has("const") && !schema.get("const").equals(v)) {
            out.add(at + ": not " + schema.get("const"));
        }
        if (schema.has("pattern") && !java.util.regex.Pattern.compile(schema.get("pattern").textValue()).matcher(v.textValue()).find()) {
            out.add(at + ": does not match " + schema.get("pattern").textValue());
        }
        if (schema.has("minLength") && v.textValue().length() < schema.get("minLength").intValue()) {
            out.add(at + ": too short");
        }
        if (schema.has("minimum") && v.doubleValue() < schema.get("minimum").doubleValue()) {
            out.add(at + ": below minimum " + schema.get("minimum"));
        }
        if (schema.has("exclusiveMinimum") && v.doubleValue() <= schema.get("exclusiveMinimum").doubleValue()) {
            out.add(at + ": not above " + schema.get("exclusiveMinimum"));
        }
        if (schema.has("maximum") && v.doubleValue() > schema.get("maximum").doubleValue()) {
            out.add(at + ": above maximum " + schema.get("maximum"));
        }
        if (schema.has("exclusiveMaximum") && v.doubleValue() >= schema.get("exclusiveMaximum").doubleValue()) {
            out.add(at + ": not below " + schema.get("exclusiveMaximum"));
        }
        if (v.isObject()) {
            JsonNode props = schema.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = at + "/" + e.getKey();
                if (props != null && props.has(e.getKey())) {
                    out.addAll(validate(props.get(e.getKey()), e.getValue(), child));
                } else if (schema.has("additionalProperties")) {
                    out.addAll(validate(schema.get("additionalProperties"), e.getValue(), child));
                }
            }
            if (schema.has("required")) {
                for (JsonNode r : schema.get("required")) {
                    if (!v.has(r.textValue())) {
                        out.add(at + ": missing required " + r.textValue());
                    }
                }
            }
        }
        if (schema.has("allOf")) {
            for (JsonNode branch : schema.get("allOf")) {
                if (validate(branch.get("if"), v, at).isEmpty()) {
                    out.addAll(validate(branch.get("then"), v, at));
                }
            }
        }
        return out;
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }
}
