package org.imcsim.units;

import java.util.Locale;

/**
 * A value in SI base units together with its dimension. Parsing accepts a number, optional
 * whitespace, an optional metric prefix (f p n u µ m k M G T) and the dimension's symbol:
 * {@code "1GHz"}, {@code "10 ns"}, {@code "25uS"}, {@code "100kOhm"}, {@code "22nm"}, {@code "0.8V"}.
 * Time also accepts {@code min}, {@code h} and {@code d}. Area accepts squared prefixes, so
 * {@code "1um2"} is 1e-12 m². A bare number is accepted only for {@link Dimension#DIMENSIONLESS};
 * for every other dimension the unit is required, so a forgotten unit is an error, never a guess.
 *
 * @param si        the value in SI base units (seconds, hertz, ohms, siemens, volts, amperes,
 *                  metres, square metres, joules, watts, farads)
 * @param dimension what the value measures
 */
public record Quantity(double si, Dimension dimension) {

    public Quantity {
        if (!Double.isFinite(si)) {
            throw new QuantityFormatException("quantity must be finite, got " + si);
        }
    }

    /** Parses {@code text} as a quantity of {@code expected}; throws with a message naming the expectation. */
    public static Quantity parse(String text, Dimension expected) {
        return new Quantity(parseSi(text, expected), expected);
    }

    /** Parses {@code text} and returns the SI value as a double. */
    public static double parseSi(String text, Dimension expected) {
        if (text == null) {
            throw new QuantityFormatException("expected a " + describe(expected) + " like " + expected.example() + ", got nothing");
        }
        String s = text.strip();
        int end = numberEnd(s);
        if (end == 0) {
            throw new QuantityFormatException("expected a " + describe(expected) + " like " + expected.example() + ", got \"" + text + "\"");
        }
        double number;
        try {
            number = Double.parseDouble(s.substring(0, end));
        } catch (NumberFormatException e) {
            throw new QuantityFormatException("expected a " + describe(expected) + " like " + expected.example() + ", got \"" + text + "\"");
        }
        String unit = s.substring(end).strip();
        double factor = unitFactor(unit, expected);
        if (Double.isNaN(factor)) {
            throw new QuantityFormatException("expected a " + describe(expected) + " like " + expected.example()
                    + ", got \"" + text + "\"" + (unit.isEmpty() ? " (the unit is missing)" : " (unknown unit \"" + unit + "\")"));
        }
        // Divide by the reciprocal of sub-unit prefixes: 40 / 1e6 rounds correctly to 4e-5, 40 * 1e-6 does not.
        double v = factor < 1 ? number / Math.rint(1.0 / factor) : number * factor;
        if (!Double.isFinite(v)) {
            throw new QuantityFormatException("value out of range: \"" + text + "\"");
        }
        return v;
    }

    /** Formats an SI value with an engineering prefix and the dimension's symbol, e.g. {@code 1.0e-8 s -> "10ns"}. */
    public static String format(double si, Dimension dimension) {
        if (dimension == Dimension.DIMENSIONLESS) {
            return trim(si);
        }
        if (si == 0) {
            return "0" + dimension.siSymbol();
        }
        if (dimension == Dimension.TIME && Math.abs(si) >= 60) {
            // long times read better in the units people write them in ("1h", "30d"), which parse back
            double a = Math.abs(si);
            if (a >= 86400) {
                return trim(si / 86400) + "d";
            }
            return a >= 3600 ? trim(si / 3600) + "h" : trim(si / 60) + "min";
        }
        String[] prefixes = {"f", "p", "n", "u", "m", "", "k", "M", "G", "T"};
        int exp = (int) Math.floor(Math.log10(Math.abs(si)) / 3.0);
        int idx = Math.max(0, Math.min(prefixes.length - 1, exp + 5));
        double scaled = si / Math.pow(1000.0, idx - 5);
        if (dimension == Dimension.AREA) {
            scaled = si / Math.pow(1e6, idx - 5);
        }
        return trim(scaled) + prefixes[idx] + dimension.siSymbol();
    }

    @Override
    public String toString() {
        return format(si, dimension);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    private static String describe(Dimension d) {
        return d == Dimension.DIMENSIONLESS ? "number" : d.name().toLowerCase(Locale.ROOT);
    }

    /** Index just past the leading decimal number (sign, digits, point, exponent). */
    private static int numberEnd(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return 0;
        }
        // exponent only if followed by a digit (so "1e-3" parses but "1Ohm" keeps its unit)
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(s.charAt(j))) {
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    /** Multiplier from the written unit to SI, or NaN when the unit does not belong to {@code d}. */
    private static double unitFactor(String unit, Dimension d) {
        if (d == Dimension.DIMENSIONLESS) {
            if (unit.isEmpty()) {
                return 1.0;
            }
            return unit.equals("%") ? 0.01 : Double.NaN;
        }
        if (unit.isEmpty()) {
            return Double.NaN;
        }
        if (d == Dimension.TIME) {
            switch (unit) {
                case "min": return 60.0;
                case "h": return 3600.0;
                case "d": return 86400.0;
                default: break;
            }
        }
        for (String sym : d.symbols()) {
            if (unit.equals(sym)) {
                return 1.0;
            }
            if (unit.length() > sym.length() && unit.endsWith(sym)) {
                double p = prefix(unit.substring(0, unit.length() - sym.length()));
                if (!Double.isNaN(p)) {
                    return d == Dimension.AREA ? p * p : p;
                }
            }
        }
        return Double.NaN;
    }

    private static double prefix(String p) {
        return switch (p) {
            case "f" -> 1e-15;
            case "p" -> 1e-12;
            case "n" -> 1e-9;
            case "u", "µ", "μ" -> 1e-6;
            case "m" -> 1e-3;
            case "k" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "T" -> 1e12;
            default -> Double.NaN;
        };
    }
}
