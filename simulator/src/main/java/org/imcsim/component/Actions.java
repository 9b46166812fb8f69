package org.imcsim.component;

/**
 * Per-component action counters: one {@code long} per constant of the component's action enum,
 * indexed by ordinal. Costing later multiplies each count by an energy per action. Reported in
 * the stats tree as {@code <component path>.<action>}, the action name in lowerCamelCase
 * ({@code READ_ROW} becomes {@code readRow}).
 *
 * @param <A> the component's action enum
 */
public final class Actions<A extends Enum<A>> {
    private final Class<A> type;
    private final A[] constants;
    private final long[] counts;

    Actions(Class<A> type) {
        this.type = type;
        this.constants = type.getEnumConstants();
        this.counts = new long[constants.length];
    }

    /** Counts one occurrence. */
    public void add(A action) {
        counts[action.ordinal()]++;
    }

    /** Counts {@code n >= 0} occurrences. */
    public void add(A action, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative action count " + n + " for " + action);
        }
        counts[action.ordinal()] += n;
    }

    /** The count so far. */
    public long get(A action) {
        return counts[action.ordinal()];
    }

    /** The action enum. */
    public Class<A> type() {
        return type;
    }

    A[] constants() {
        return constants;
    }

    long count(int ordinal) {
        return counts[ordinal];
    }

    /** {@code READ_ROW -> readRow}, {@code convert -> convert}. */
    static String statName(Enum<?> action) {
        String[] parts = action.name().split("_");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(p.equals(p.toUpperCase(java.util.Locale.ROOT)) ? p.toLowerCase(java.util.Locale.ROOT) : p);
            } else {
                sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return sb.toString();
    }
}
