package org.imcsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of one run: a JSON tree whose object keys are sorted at every level, so the same
 * results give byte-identical text. Immutable. Values are numbers, text, booleans, lists and
 * nested objects; anything Jackson can turn into a tree (records, maps, lists) can be put.
 * Non-finite numbers are rejected: a NaN in a report is a bug upstream, not a result.
 *
 * <pre>{@code
 * Report r = Report.builder()
 *         .put("energy.totalPj", 1234.5)
 *         .put("latency.singleImageNs", 130307.0)
 *         .build();
 * }</pre>
 */
public final class Report {
    /** Version of the report layout; raised when keys are renamed or removed. */
    public static final int FORMAT_VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode root;
    private final SortedMap<String, byte[]> attachments;

    private Report(ObjectNode root, SortedMap<String, byte[]> attachments) {
        this.root = root;
        this.attachments = attachments;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value at a dotted path (e.g. {@code "run.seed"}), or null. */
    public JsonNode get(String path) {
        JsonNode n = root;
        for (String s : path.split("\\.")) {
            n = n == null ? null : n.get(s);
        }
        return n == null ? null : n.deepCopy();
    }

    /** A copy of the whole tree. */
    public ObjectNode tree() {
        return root.deepCopy();
    }

    /** Canonical JSON: sorted keys, two-space indent, {@code \n} line ends, a final newline. */
    public String toJson() {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        ObjectWriter w = MAPPER.writer(pp);
        try {
            return w.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report is not serializable", e);
        }
    }

    /**
     * Extra output files written next to {@code report.json} (e.g. {@code layers.csv},
     * {@code action_counts.json}, a trace), by file name, sorted. The byte arrays are copies.
     */
    public SortedMap<String, byte[]> attachments() {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        attachments.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** Equal JSON trees (attachments are not compared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Report r && r.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Collects values by dotted path; later puts to the same path replace earlier ones. */
    public static final class Builder {
        private final ObjectNode root = NODES.objectNode();
        private final SortedMap<String, byte[]> attachments = new TreeMap<>();

        private Builder() {
        }

        /**
         * Adds an output file written next to {@code report.json}, atomically like it. {@code fileName}
         * is a plain name ({@code layers.csv}), not a path, and not {@code report.json}.
         */
        public Builder attach(String fileName, byte[] content) {
            if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")
                    || fileName.equals(ReportWriter.REPORT_JSON)) {
                throw new IllegalArgumentException("attachment name must be a plain file name other than report.json, got \"" + fileName + "\"");
            }
            attachments.put(fileName, content.clone());
            return this;
        }

        /** {@link #attach(String, byte[])} with UTF-8 text. */
        public Builder attach(String fileName, String text) {
            return attach(fileName, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /**
         * Sets {@code path} (dotted, e.g. {@code "area.breakdownMm2.adc"}) to {@code value}: a
         * number, text, boolean, {@link JsonNode}, record, map or list. Intermediate objects are
         * created; putting below an existing non-object value is an error.
         */
        public Builder put(String path, Object value) {
            JsonNode node = value instanceof JsonNode j ? j.deepCopy() : MAPPER.valueToTree(value);
            checkFinite(node, path);
            String[] seg = path.split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < seg.length - 1; i++) {
                JsonNode child = parent.get(seg[i]);
                if (child == null) {
                    child = parent.putObject(seg[i]);
                } else if (!child.isObject()) {
                    throw new IllegalArgumentException("report path " + path + ": " + seg[i] + " already holds a value");
                }
                parent = (ObjectNode) child;
            }
            parent.set(seg[seg.length - 1], node);
            return this;
        }

        /** Copies every top-level entry of {@code report} in (replacing same-named ones). */
        public Builder putAll(Report report) {
            report.root.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue().deepCopy()));
            report.attachments.forEach((k, v) -> attachments.put(k, v.clone()));
            return this;
        }

        /** The immutable report, keys sorted at every level. */
        public Report build() {
            return new Report((ObjectNode) sorted(root), Collections.unmodifiableSortedMap(new TreeMap<>(attachments)));
        }
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode o = NODES.objectNode();
            for (String k : names) {
                o.set(k, sorted(n.get(k)));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = NODES.arrayNode();
            for (JsonNode c : n) {
                a.add(sorted(c));
            }
            return a;
        }
        return n;
    }

    private static void checkFinite(JsonNode n, String path) {
        if (n.isNumber() && (n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("report value " + path + " is " + n.doubleValue() + "; reports hold finite numbers only");
        }
        if (n.isContainerNode()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                checkFinite(e.getValue(), path + "." + e.getKey());
            }
            int i = 0;
            for (JsonNode c : n.isArray() ? n : NODES.arrayNode()) {
                checkFinite(c, path + "[" + i++ + "]");
            }
        }
    }
}
