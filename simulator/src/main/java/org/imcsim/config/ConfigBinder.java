package org.imcsim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;
import org.imcsim.units.QuantityFormatException;

/**
 * Binds a Jackson tree to config records by reflection over record components and their
 * {@link Param} annotations, and writes records back to a tree. Unknown keys, wrong types, missing
 * units and constructor rejections all become one {@link BadInputException} naming the path and
 * (through the {@link Locator}) the file and line.
 */
final class ConfigBinder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Maps a dotted path to the source (file:line, {@code --set}, ...) it came from. */
    interface Locator {
        String sourceOf(String path);
    }

    private final Locator locator;

    ConfigBinder(Locator locator) {
        this.locator = locator;
    }

    /** One declared key of a section record. */
    record Key(String name, RecordComponent component, Param param) {
        Class<?> type() {
            return component.getType();
        }

        boolean isSection() {
            return Record.class.isAssignableFrom(component.getType());
        }

        boolean isOtherKeys() {
            return param.otherKeys();
        }

        boolean isQuantity() {
            return param.unit() != Dimension.DIMENSIONLESS;
        }

        boolean isOptional() {
            return Param.NONE.equals(param.defaultValue());
        }

        boolean isRequired() {
            return Param.REQUIRED.equals(param.defaultValue()) && !isSection() && !isOtherKeys();
        }

        /** The default as written, or null when required or optional. */
        String defaultText() {
            String d = param.defaultValue();
            return isSection() || isOtherKeys() || Param.REQUIRED.equals(d) || Param.NONE.equals(d) ? null : d;
        }

        @SuppressWarnings("unchecked")
        Class<? extends Record> sectionType() {
            return (Class<? extends Record>) component.getType();
        }
    }

    /** The declared keys of {@code type}, in declaration order. */
    static List<Key> keys(Class<? extends Record> type) {
        List<Key> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Param p = c.getAnnotation(Param.class);
            if (p == null) {
                throw new IllegalStateException(type.getName() + "." + c.getName() + " has no @Param");
            }
            out.add(new Key(p.key().isEmpty() ? c.getName() : p.key(), c, p));
        }
        return out;
    }

    /** Names of the declared keys (without the other-keys map). */
    static List<String> keyNames(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (Key k : keys(type)) {
            if (!k.isOtherKeys()) {
                names.add(k.name());
            }
        }
        return names;
    }

    /** Binds {@code node} (null = absent section) at {@code path} ("" for the root) to {@code type}. */
    <R extends Record> R bind(Class<R> type, JsonNode node, String path) {
        if (node != null && !node.isObject()) {
            throw error(path, "expected a section (a mapping of keys), got " + show(node));
        }
        List<Key> keys = keys(type);
        Set<String> declared = new LinkedHashSet<>();
        Key other = null;
        for (Key k : keys) {
            if (k.isOtherKeys()) {
                other = k;
            } else {
                declared.add(k.name());
            }
        }
        if (node != null && other == null) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!declared.contains(n)) {
                    throw error(join(path, n), "unknown key" + Suggest.hint(n, declared) + "; known keys"
                            + (path.isEmpty() ? "" : " of " + path) + ": " + String.join(", ", declared));
                }
            }
        }
        Object[] args = new Object[keys.size()];
        Class<?>[] types = new Class<?>[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            types[i] = k.type();
            if (k.isOtherKeys()) {
                args[i] = otherKeys(node, declared, path);
                continue;
            }
            String childPath = join(path, k.name());
            JsonNode v = node == null ? null : node.get(k.name());
            if (k.isSection()) {
                args[i] = bind(k.sectionType(), v, childPath);
            } else if (v == null) {
                if (k.isRequired()) {
                    throw error(childPath, "is required (" + k.param().description() + ")");
                }
                String d = k.defaultText();
                args[i] = d == null ? null : value(k, ConfigTreeReader.readValue(d, "default of " + childPath, childPath), childPath);
            } else {
                args[i] = value(k, v, childPath);
            }
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidValueException iv) {
                throw error(join(path, iv.key()), iv.detail(), iv);
            }
            if (cause instanceof BadInputException bad) {
                throw bad;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("constructing " + type.getSimpleName(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private Map<String, String> otherKeys(JsonNode node, Set<String> declared, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (declared.contains(e.getKey())) {
                continue;
            }
            JsonNode v = e.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw error(join(path, e.getKey()), "expected a single value (text, number or true/false), got " + show(v));
            }
            out.put(e.getKey(), v.isTextual() ? v.textValue() : v.asText());
        }
        return out;
    }

    /** The value of key {@code k} written as {@code v}: its type, unit or choice checked (not its range). */
    Object valueOf(Key k, JsonNode v, String path) {
        return value(k, v, path);
    }

    private Object value(Key k, JsonNode v, String path) {
        Class<?> t = k.type();
        if (v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
            // YAML reads "key:" with nothing after it as an empty string
            throw error(path, "has no value; expected " + expectation(k));
        }
        if (t == int.class || t == Integer.class) {
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                return v.intValue();
            }
            throw error(path, "expected an integer, got " + show(v));
        }
        if (t == long.class || t == Long.class) {
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                return v.longValue();
            }
            throw error(path, "expected an integer, got " + show(v));
        }
        if (t == double.class || t == Double.class) {
            Dimension unit = k.param().unit();
            if (v.isNumber() && unit == Dimension.DIMENSIONLESS) {
                return v.doubleValue();
            }
            if (v.isNumber() || v.isTextual()) {
                try {
                    return Quantity.parseSi(v.asText(), unit);
                } catch (QuantityFormatException e) {
                    throw error(path, e.getMessage(), e);
                }
            }
            throw error(path, "expected " + expectation(k) + ", got " + show(v));
        }
        if (t == boolean.class || t == Boolean.class) {
            if (v.isBoolean()) {
                return v.booleanValue();
            }
            throw error(path, "expected true or false, got " + show(v));
        }
        if (t == String.class) {
            if (v.isTextual()) {
                return v.textValue();
            }
            throw error(path, "expected text, got " + show(v));
        }
        if (t.isEnum() && ConfigChoice.class.isAssignableFrom(t)) {
            List<String> names = choiceNames(t);
            if (v.isTextual()) {
                for (Object c : t.getEnumConstants()) {
                    if (((ConfigChoice) c).configName().equals(v.textValue())) {
                        return c;
                    }
                }
                throw error(path, "expected one of " + String.join(", ", names) + ", got " + show(v) + Suggest.hint(v.textValue(), names));
            }
            throw error(path, "expected one of " + String.join(", ", names) + ", got " + show(v));
        }
        throw new IllegalStateException("unsupported config type " + t + " at " + path);
    }

    /** The config spellings of an enum implementing {@link ConfigChoice}. */
    static List<String> choiceNames(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            names.add(((ConfigChoice) c).configName());
        }
        return names;
    }

    /** What a key expects, in words, for messages and {@code describe}. */
    static String expectation(Key k) {
        Class<?> t = k.type();
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class) {
            Dimension u = k.param().unit();
            return u == Dimension.DIMENSIONLESS ? "a number" : "a " + u.name().toLowerCase(java.util.Locale.ROOT) + " like " + u.example();
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "text";
        }
        if (t.isEnum()) {
            return "one of " + String.join(", ", choiceNames(t));
        }
        if (k.isSection()) {
            return "a section";
        }
        return "values";
    }

    /** Writes a record back to a tree (declaration order; optional nulls omitted; quantities with units). */
    static ObjectNode toTree(Record r) {
        ObjectNode o = NODES.objectNode();
        for (Key k : keys(r.getClass())) {
            Object v;
            try {
                v = k.component().getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v == null) {
                continue;
            }
            if (k.isOtherKeys()) {
                @SuppressWarnings("unchecked")
                Map<String, String> m = (Map<String, String>) v;
                m.forEach((key, value) -> o.put(key, value));
            } else if (v instanceof Record rec) {
                o.set(k.name(), toTree(rec));
            } else if (v instanceof ConfigChoice c) {
                o.put(k.name(), c.configName());
            } else if (v instanceof Double d) {
                if (k.isQuantity()) {
                    o.put(k.name(), QuantityText.format(d, k.param().unit()));
                } else {
                    o.put(k.name(), d.doubleValue());
                }
            } else if (v instanceof Integer i) {
                o.put(k.name(), i.intValue());
            } else if (v instanceof Long l) {
                o.put(k.name(), l.longValue());
            } else if (v instanceof Boolean b) {
                o.put(k.name(), b.booleanValue());
            } else if (v instanceof String s) {
                o.put(k.name(), s);
            } else {
                throw new IllegalStateException("unsupported config value " + v.getClass());
            }
        }
        return o;
    }

    private BadInputException error(String path, String detail) {
        return error(path, detail, null);
    }

    private BadInputException error(String path, String detail, Throwable cause) {
        return new BadInputException(locator.sourceOf(path), path, detail, cause);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A node as shown in messages: strings quoted, numbers as written, containers by kind. */
    static String show(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return "\"" + v.textValue() + "\"";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a section (mapping)";
        }
        return v.asText();
    }
}
