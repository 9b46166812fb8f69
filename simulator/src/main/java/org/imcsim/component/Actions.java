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
    /** Actions whose counts live in fields of this object rather than in {@link #more}. */
    private static final int INLINE = 4;

    // The first four counts are fields: counting an action with a constant enum (the usual
    // {@code add(Action.READ)}) then folds to one increment of a field of this object, with no
    // array to load and no bounds check — one cache line less on every event's path.
    private long c0;
    private long c1;
    private long c2;
    private long c3;
    private final long[] more;
    private final Class<A> type;
    private final A[] constants;

    Actions(Class<A> type, A[] constants) {
        this.more = new long[Math.max(0, constants.length - INLINE)];
        this.type = type;
        this.constants = constants;
    }

    /** Counts one occurrence. */
    public void add(A action) {
        switch (action.ordinal()) {
            case 0 -> c0++;
            case 1 -> c1++;
            case 2 -> c2++;
            case 3 -> c3++;
            default -> more[action.ordinal() - INLINE]++;
        }
    }

    /** Counts {@code n >= 0} occurrences. */
    public void add(A action, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative action count " + n + " for " + action);
        }
        switch (action.ordinal()) {
            case 0 -> c0 += n;
            case 1 -> c1 += n;
            case 2 -> c2 += n;
            case 3 -> c3 += n;
            default -> more[action.ordinal() - INLINE] += n;
        }
    }

    /** The count so far. */
    public long get(A action) {
        return count(action.ordinal());
    }

    /** The action enum. */
    public Class<A> type() {
        return type;
    }

    A[] constants() {
        return constants;
    }

    long count(int ordinal) {
        return switch (ordinal) {
            case 0 -> c0;
            case 1 -> c1;
            case 2 -> c2;
            case 3 -> c3;
            default -> more[ordinal - INLINE];
        };
    }

    /** {@code READ_ROW -> readRow}, {@code convert -> convert}. */
    public static String statName(Enum<?> action) {
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
