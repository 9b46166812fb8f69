package org.imcsim.engine;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The statistics of a run: {@code long} values under hierarchical dotted names such as
 * {@code chip.tile0.adc3.convert}, kept sorted (by {@link String#compareTo}) so that every export
 * is stable. A name is either a leaf (a value) or an inner node, never both, so the tree maps
 * onto nested JSON objects ({@link #toNested()}). Immutable.
 */
public final class StatsTree {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_]+");

    private final SortedMap<String, Long> values;

    private StatsTree(TreeMap<String, Long> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value under {@code name}. @throws NoSuchElementException if there is none */
    public long get(String name) {
        Long v = values.get(name);
        if (v == null) {
            throw new NoSuchElementException("no statistic named '" + name + "'");
        }
        return v;
    }

    /** True when a value exists under {@code name}. */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** All values, sorted by name (unmodifiable). */
    public SortedMap<String, Long> asMap() {
        return values;
    }

    /** The values whose names start with {@code prefix + "."}, with their full names. */
    public SortedMap<String, Long> under(String prefix) {
        String from = prefix + ".";
        // '/' is the character after '.', so this range is exactly the names with that prefix
        return Collections.unmodifiableSortedMap(values.subMap(from, prefix + "/"));
    }

    /** Number of values. */
    public int size() {
        return values.size();
    }

    /**
     * The tree as nested maps (insertion-ordered = sorted), leaves {@link Long}: ready for a
     * JSON writer. {@code a.b.c=1} becomes {@code {a: {b: {c: 1}}}}.
     */
    public Map<String, Object> toNested() {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : values.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(parts[i],
                        k -> new LinkedHashMap<String, Object>());
                node = child;
            }
            node.put(parts[parts.length - 1], e.getValue());
        }
        return root;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatsTree s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** One {@code name=value} line per statistic, sorted. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : values.entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    /** Collects values; rejects malformed and duplicate names, and leaf/node clashes. */
    public static final class Builder {
        private final TreeMap<String, Long> values = new TreeMap<>();

        private Builder() {
        }

        /**
         * Adds a value.
         *
         * @param name dotted name, segments of {@code [A-Za-z0-9_]+}
         * @throws IllegalArgumentException for a malformed or repeated name
         */
        public Builder put(String name, long value) {
            checkName(name);
            if (values.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("statistic '" + name + "' given twice");
            }
            return this;
        }

        /** The tree. @throws IllegalArgumentException when a name is both a value and a prefix */
        public StatsTree build() {
            Iterator<String> it = values.keySet().iterator();
            String prev = null;
            while (it.hasNext()) {
                String k = it.next();
                // names with prefix p + "." sort right after p, so checking neighbours suffices
                if (prev != null && k.startsWith(prev) && k.charAt(prev.length()) == '.') {
                    throw new IllegalArgumentException("statistic '" + prev + "' is both a value and the parent of '"
                            + k + "'");
                }
                prev = k;
            }
            return new StatsTree(new TreeMap<>(values));
        }

        private static void checkName(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("statistic name must not be empty");
            }
            for (String seg : name.split("\\.", -1)) {
                if (!SEGMENT.matcher(seg).matches()) {
                    throw new IllegalArgumentException("statistic name '" + name
                            + "': each dot-separated part must match [A-Za-z0-9_]+");
                }
            }
        }
    }
}
