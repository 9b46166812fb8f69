package org.imcsim.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into a Jackson tree while remembering the line of every key, so that
 * binding errors can name {@code file:line}. Duplicate keys and several YAML documents are
 * errors. Every parse error becomes one {@link BadInputException} line with line and column.
 */
final class ConfigTreeReader {
    private static final JsonFactory YAML = YAMLFactory.builder().build();
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final Map<String, String> locations;

    private ConfigTreeReader(String source, Map<String, String> locations) {
        this.source = source;
        this.locations = locations;
    }

    /**
     * Parses {@code text}; fills {@code locations} with path → {@code "source:line"}.
     *
     * @param json parse as strict JSON (else YAML, which also accepts most JSON)
     */
    static ObjectNode read(String text, String source, boolean json, Map<String, String> locations) {
        ConfigTreeReader r = new ConfigTreeReader(source, locations);
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInputException(source, null, "is empty; expected a mapping of config sections (technology, device, ...)");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new BadInputException(source + ":" + line(p.currentTokenLocation()), null,
                        "expected a mapping of config sections (technology, device, ...), got " + tokenName(t));
            }
            ObjectNode root = r.readObject(p, "");
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new BadInputException(source + ":" + line(p.currentTokenLocation()), null,
                        "unexpected content after the config mapping (only one YAML document is allowed)");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = source + position(e);
            throw new BadInputException(where, null, (json ? "malformed JSON: " : "malformed YAML: ") + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new BadInputException(source, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses one {@code --set} value as a YAML scalar, list or mapping ({@code 64}, {@code true}, {@code 1GHz}). */
    static JsonNode readValue(String text, String source, String path) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInputException(source, path, "has no value; write " + path + "=VALUE");
            }
            ConfigTreeReader r = new ConfigTreeReader(source, new java.util.HashMap<>());
            JsonNode v = r.readValue(p, path);
            if (p.nextToken() != null) {
                throw new BadInputException(source, path, "value \"" + text + "\" is not a single YAML value");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw new BadInputException(source, path, "value \"" + text + "\" does not parse: " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new BadInputException(source, path, "cannot read value: " + e.getMessage(), e);
        }
    }

    private ObjectNode readObject(JsonParser p, String path) throws IOException {
        ObjectNode o = NODES.objectNode();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String child = path.isEmpty() ? key : path + "." + key;
            String where = source + ":" + line(p.currentTokenLocation());
            if (o.has(key)) {
                throw new BadInputException(where, child, "duplicate key (first given at " + locations.get(child) + ")");
            }
            locations.put(child, where);
            p.nextToken();
            o.set(key, readValue(p, child));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new BadInputException(source + ":" + line(p.currentTokenLocation()), path, "unexpected " + tokenName(t));
        }
        return o;
    }

    private JsonNode readValue(JsonParser p, String path) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObject(p, path);
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readValue(p, path + "[" + i++ + "]"));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT: return NODES.numberNode(p.getIntValue());
                    case LONG: return NODES.numberNode(p.getLongValue());
                    default: return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new BadInputException(source + ":" + line(p.currentTokenLocation()), path, "unexpected " + tokenName(t));
        }
    }

    /**
     * ":line:column" of a parse error: SnakeYAML's problem mark when there is one (Jackson may report
     * the context mark, e.g. the start of the enclosing mapping), else Jackson's location.
     */
    private static String position(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            return ":" + (m.getProblemMark().getLine() + 1) + ":" + (m.getProblemMark().getColumn() + 1);
        }
        JsonLocation loc = e.getLocation();
        return loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }

    private static String tokenName(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        switch (t) {
            case START_ARRAY: return "a list";
            case START_OBJECT: return "a mapping";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "an empty value";
            default: return t.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Collapses a parser message (SnakeYAML's span several lines with a code snippet and a caret)
     * into one line: the explanatory lines joined by "; ", without snippets and positions.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String[] lines = message.split("\\R");
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            boolean caretNext = i + 1 < lines.length && lines[i + 1].strip().matches("\\^+");
            if (l.isEmpty() || l.matches("\\^+") || caretNext || l.startsWith("in 'reader'") || l.startsWith("at [Source")) {
                continue;
            }
            keep.add(l);
        }
        String s = String.join("; ", keep);
        // Jackson appends " at [Source: ...; line: 1, column: 2]" on the same line in some messages.
        int at = s.indexOf(" at [Source");
        return at > 0 ? s.substring(0, at) : s;
    }
}
