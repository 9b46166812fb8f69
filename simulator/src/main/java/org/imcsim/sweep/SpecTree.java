package org.imcsim.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.imcsim.config.BadInputException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read into a Jackson tree that remembers the line of every key and list element,
 * so that sweep-spec errors name {@code file:line} and the field. Keys may contain dots (config paths
 * such as {@code periphery.adc.bits} are single keys here); a child is addressed as
 * {@code parent/child} internally and shown as {@code parent.child}. Duplicate keys are errors.
 */
final class SpecTree {
    private static final JsonFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode root;
    private final String source;
    /** Display path ({@code grid.crossbar.rows[2]}) → line of its key or list element. */
    private final Map<String, Integer> lines;

    private SpecTree(ObjectNode root, String source, Map<String, Integer> lines) {
        this.root = root;
        this.source = source;
        this.lines = lines;
    }

    /** Parses {@code text}; {@code source} names it in errors. */
    static SpecTree parse(String text, String source) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInputException(source, null, "is empty; expected a sweep spec (a mapping with grid:, zip:, sample:, ...)");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new BadInputException(source + ":" + p.currentTokenLocation().getLineNr(), null,
                        "expected a mapping (grid:, zip:, sample:, constraints:, ...)");
            }
            ObjectNode root = (ObjectNode) readValue(p, source, "", lines);
            if (p.nextToken() != null) {
                throw new BadInputException(source + ":" + p.currentTokenLocation().getLineNr(), null,
                        "unexpected content after the spec (only one YAML document is allowed)");
            }
            return new SpecTree(root, source, lines);
        } catch (JsonProcessingException e) {
            String where = source;
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                where += ":" + (m.getProblemMark().getLine() + 1);
            } else if (e.getLocation() != null) {
                where += ":" + e.getLocation().getLineNr();
            }
            String msg = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().strip().split("\\R")[0];
            throw new BadInputException(where, null, "malformed YAML: " + msg, e);
        } catch (IOException e) {
            throw new BadInputException(source, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode readValue(JsonParser p, String source, String path, Map<String, Integer> lines) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonNode n;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (o.has(key)) {
                        throw new BadInputException(source + ":" + keyLine, child,
                                "duplicate key (first given on line " + lines.get(child) + ")");
                    }
                    p.nextToken();
                    JsonNode v = readValue(p, source, child, lines);
                    // a key's line is where the key is written (the value may start on the next line)
                    lines.put(child, keyLine);
                    o.set(key, v);
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new BadInputException(source + ":" + p.currentTokenLocation().getLineNr(), path, "unexpected " + t);
                }
                n = o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readValue(p, source, path + "[" + i++ + "]", lines));
                }
                n = a;
            }
            case VALUE_STRING -> n = NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> n = switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> n = NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> n = NODES.booleanNode(true);
            case VALUE_FALSE -> n = NODES.booleanNode(false);
            case VALUE_NULL -> n = NODES.nullNode();
            default -> throw new BadInputException(source + ":" + line, path, "unexpected " + p.currentToken());
        }
        lines.putIfAbsent(path, line);
        return n;
    }

    ObjectNode root() {
        return root;
    }

    String source() {
        return source;
    }

    /**
     * {@code file:line} of the value at a display path ({@code grid.crossbar.rows},
     * {@code zip[0].crossbar.cols[2]}): its key's line, else the nearest enclosing one, else the file.
     */
    String where(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) {
                return source + ":" + l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? null : p.substring(0, cut);
        }
        return source;
    }

    /** A bad-input error at the value {@code path}, naming it as the field. */
    BadInputException error(String path, String detail) {
        return new BadInputException(where(path), path, detail);
    }
}
