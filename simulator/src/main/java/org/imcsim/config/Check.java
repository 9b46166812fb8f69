package org.imcsim.config;

import org.imcsim.units.Dimension;

/**
 * Validation helpers for config record constructors. Each throws {@link InvalidValueException}
 * naming the key and the expectation: {@code rows: must be between 1 and 16384, got 0}.
 */
public final class Check {
    private Check() {
    }

    /** {@code lo <= v <= hi}. */
    public static int range(String key, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new InvalidValueException(key, "must be between " + lo + " and " + hi + ", got " + v);
        }
        return v;
    }

    /** {@code v >= lo}. */
    public static int atLeast(String key, int v, int lo) {
        if (v < lo) {
            throw new InvalidValueException(key, "must be at least " + lo + ", got " + v);
        }
        return v;
    }

    /** {@code v >= lo}. */
    public static long atLeast(String key, long v, long lo) {
        if (v < lo) {
            throw new InvalidValueException(key, "must be at least " + lo + ", got " + v);
        }
        return v;
    }

    /** A finite number within the given bounds (each inclusive unless said otherwise). */
    public static double range(String key, double v, double lo, boolean loExclusive, double hi, boolean hiExclusive) {
        return quantityRange(key, v, Dimension.DIMENSIONLESS, lo, loExclusive, hi, hiExclusive);
    }

    /** A quantity (SI value) within bounds; the message prints values with their unit. */
    public static double quantityRange(String key, double v, Dimension unit, double lo, boolean loExclusive,
                                       double hi, boolean hiExclusive) {
        boolean ok = Double.isFinite(v)
                && (loExclusive ? v > lo : v >= lo)
                && (hiExclusive ? v < hi : v <= hi);
        if (!ok) {
            StringBuilder sb = new StringBuilder("must be ");
            boolean hasLo = lo != Double.NEGATIVE_INFINITY;
            boolean hasHi = hi != Double.POSITIVE_INFINITY;
            if (hasLo) {
                sb.append(loExclusive ? "> " : ">= ").append(QuantityText.format(lo, unit));
            }
            if (hasLo && hasHi) {
                sb.append(" and ");
            }
            if (hasHi) {
                sb.append(hiExclusive ? "< " : "<= ").append(QuantityText.format(hi, unit));
            }
            if (!hasLo && !hasHi) {
                sb.append("finite");
            }
            throw new InvalidValueException(key, sb.append(", got ").append(QuantityText.format(v, unit)).toString());
        }
        return v;
    }

    /** An optional quantity: null passes, otherwise as {@link #quantityRange}. */
    public static Double optionalQuantityRange(String key, Double v, Dimension unit, double lo, boolean loExclusive,
                                               double hi, boolean hiExclusive) {
        if (v != null) {
            quantityRange(key, v, unit, lo, loExclusive, hi, hiExclusive);
        }
        return v;
    }

    /** Non-null, for required references. */
    public static <T> T present(String key, T v) {
        if (v == null) {
            throw new InvalidValueException(key, "is required");
        }
        return v;
    }

    /** Non-null and not blank. */
    public static String text(String key, String v) {
        if (v == null || v.isBlank()) {
            throw new InvalidValueException(key, "must not be empty");
        }
        return v;
    }

}
