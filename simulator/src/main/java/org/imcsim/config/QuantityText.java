package org.imcsim.config;

import java.math.BigDecimal;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;

/**
 * Writes an SI value back as config text ({@code 1e9 -> "1GHz"}) so that parsing the text gives
 * exactly the same double: the resolved config in a report re-loads to an equal {@link Config}.
 * Uses the engineering prefix of {@link Quantity#format} when it is exact, else more digits.
 */
public final class QuantityText {
    private QuantityText() {
    }

    /** The shortest readable text of {@code si} in {@code unit} that parses back to the same double. */
    public static String format(double si, Dimension unit) {
        if (unit == Dimension.DIMENSIONLESS) {
            return plain(si);
        }
        if (unit == Dimension.TIME && Math.abs(si) >= 1) {
            return plain(si) + "s"; // "3600s", not "3.6ks"
        }
        String pretty = Quantity.format(si, unit);
        if (parsesTo(pretty, unit, si)) {
            return pretty;
        }
        // The 6-digit form lost digits: shift every digit of the shortest decimal form of si under
        // the same prefix, else fall back to the SI value without prefix.
        String prefixed = shifted(si, pretty, unit);
        if (prefixed != null && parsesTo(prefixed, unit, si)) {
            return prefixed;
        }
        return plain(si) + unit.siSymbol();
    }

    /** A plain number without a trailing ".0" ({@code 17.0 -> "17"}, {@code 0.03 -> "0.03"}). */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.contains("E")) {
            s = new BigDecimal(s).stripTrailingZeros().toString();
        }
        return s;
    }

    private static final String PREFIXES = "fpnumkMGT";
    private static final int[] EXPONENTS = {-15, -12, -9, -6, -3, 3, 6, 9, 12};

    /** {@code si} written under the prefix {@code pretty} uses, with all significant digits; null if none applies. */
    private static String shifted(double si, String pretty, Dimension unit) {
        String sym = unit.siSymbol();
        if (!pretty.endsWith(sym) || pretty.length() == sym.length()) {
            return null;
        }
        char p = pretty.charAt(pretty.length() - sym.length() - 1);
        int idx = PREFIXES.indexOf(p);
        if (idx < 0 || Character.isDigit(p)) {
            return null;
        }
        int exp = EXPONENTS[idx] * (unit == Dimension.AREA ? 2 : 1);
        String digits = new BigDecimal(Double.toString(si)).movePointLeft(exp).stripTrailingZeros().toPlainString();
        return digits + p + sym;
    }

    private static boolean parsesTo(String text, Dimension unit, double si) {
        try {
            return Quantity.parseSi(text, unit) == si;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
