package org.imcsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;

/**
 * Reads the value forms of a sweep spec: a list, a single value, {@code values:}, named
 * {@code choices:}, and ranges ({@code start}/{@code stop} with {@code step}, {@code count} or
 * {@code factor}; {@code scale: linear|log}); and, for sampling, continuous domains
 * ({@code min}/{@code max}, {@code scale}, {@code integer}). Start, stop, min and max may be
 * quantities with units ({@code "1s"}, {@code "1d"}); the generated values are then written with a unit.
 */
final class Values {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Most values one parameter may take (a guard against a range with a tiny step). */
    static final int MAX_VALUES = 100_000;
    private static final MathContext DIGITS = new MathContext(12);

    private Values() {
    }

    /** A sampled parameter's domain. */
    sealed interface Domain permits Discrete, Continuous {
    }

    /** A finite list; sampling picks one uniformly (stratified under LHS). */
    record Discrete(List<Setting> settings) implements Domain {
    }

    /**
     * An interval [min, max], linear or logarithmic, optionally integers; {@code dimension} is the unit
     * of quantity bounds or null for plain numbers.
     */
    record Continuous(double min, double max, boolean log, boolean integer, Dimension dimension) implements Domain {
        /** The value at quantile {@code u} in [0, 1). */
        Setting at(double u) {
            double v;
            if (integer) {
                double lo = Math.ceil(min);
                double hi = Math.floor(max);
                if (log) {
                    double l = StrictMath.log(lo - 0.5 > 0 ? lo - 0.5 : lo);
                    double h = StrictMath.log(hi + 0.5);
                    v = Math.rint(StrictMath.exp(l + u * (h - l)));
                } else {
                    v = Math.floor(lo + u * (hi - lo + 1));
                }
                v = Math.max(lo, Math.min(hi, v));
                return Setting.of(dimension == null ? integral(v) : NODES.textNode(Quantity.format(v, dimension)));
            }
            v = log ? StrictMath.exp(StrictMath.log(min) + u * (StrictMath.log(max) - StrictMath.log(min))) : min + u * (max - min);
            v = new BigDecimal(v).round(new MathContext(6)).doubleValue();
            return Setting.of(dimension == null ? NODES.numberNode(v) : NODES.textNode(Quantity.format(v, dimension)));
        }
    }

    /** The values of a grid or zip parameter at {@code path} (a display path for errors). */
    static List<Setting> list(SpecTree t, JsonNode node, String path) {
        List<Setting> out;
        if (node.isArray()) {
            out = new ArrayList<>();
            int i = 0;
            for (JsonNode v : node) {
                out.add(Setting.of(scalarOrSection(t, v, path + "[" + i++ + "]")));
            }
        } else if (node.isObject()) {
            Set<String> keys = keys(node);
            if (keys.contains("values")) {
                only(t, node, path, Set.of("values"));
                JsonNode v = node.get("values");
                if (!v.isArray()) {
                    throw t.error(path + ".values", "expected a list of values");
                }
                return list(t, v, path + ".values");
            } else if (keys.contains("choices")) {
                only(t, node, path, Set.of("choices"));
                out = choices(t, node.get("choices"), path + ".choices");
            } else if (keys.contains("start") || keys.contains("stop")) {
                out = range(t, node, path);
            } else if (keys.contains("min") || keys.contains("max")) {
                throw t.error(path, "min/max describe a sampled interval; under grid: and zip: give a list, "
                        + "values:, choices: or a range (start, stop and step, count or factor)");
            } else {
                throw t.error(path, "expected a list of values, {values: [...]}, {choices: {name: value, ...}} or a range "
                        + "{start, stop, step|count|factor, scale}; got a mapping with " + String.join(", ", keys)
                        + " (to set a whole section to one mapping, use {values: [{...}]})");
            }
        } else {
            out = List.of(Setting.of(scalarOrSection(t, node, path)));
        }
        if (out.isEmpty()) {
            throw t.error(path, "has no values");
        }
        if (out.size() > MAX_VALUES) {
            throw t.error(path, "has " + out.size() + " values; at most " + MAX_VALUES);
        }
        return out;
    }

    /** A sampling domain: a discrete list (any {@link #list} form) or {@code {min, max, scale, integer}}. */
    static Domain domain(SpecTree t, JsonNode node, String path) {
        if (node.isObject() && (node.has("min") || node.has("max"))) {
            only(t, node, path, Set.of("min", "max", "scale", "integer"));
            JsonNode lo = required(t, node, "min", path);
            JsonNode hi = required(t, node, "max", path);
            boolean log = scaleIsLog(t, node, path);
            JsonNode integer = node.get("integer");
            if (integer != null && !integer.isBoolean()) {
                throw t.error(path + ".integer", "expected true or false");
            }
            Bound a = bound(t, lo, path + ".min");
            Bound b = bound(t, hi, path + ".max");
            Dimension dim = sameDimension(t, a, b, path);
            if (!(a.si < b.si)) {
                throw t.error(path + ".max", "must be greater than min (" + lo.asText() + "), got " + hi.asText());
            }
            if (log && a.si <= 0) {
                throw t.error(path + ".min", "must be > 0 for scale: log, got " + lo.asText());
            }
            boolean isInt = integer != null && integer.booleanValue();
            if (isInt && Math.floor(b.si) < Math.ceil(a.si)) {
                throw t.error(path, "holds no integer between min and max");
            }
            return new Continuous(a.si, b.si, log, isInt, dim);
        }
        return new Discrete(list(t, node, path));
    }

    private static List<Setting> choices(SpecTree t, JsonNode node, String path) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw t.error(path, "expected a mapping of named values, e.g. {rram: {model: rram}, pcm: {model: pcm}}");
        }
        List<Setting> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(new Setting(scalarOrSection(t, e.getValue(), path + "." + e.getKey()), e.getKey()));
        }
        return out;
    }

    private static JsonNode scalarOrSection(SpecTree t, JsonNode v, String path) {
        if (v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
            throw t.error(path, "has no value");
        }
        if (v.isArray()) {
            throw t.error(path, "a value cannot be a list");
        }
        return v;
    }

    private record Bound(double si, Dimension dimension, boolean integral) {
    }

    private static Bound bound(SpecTree t, JsonNode v, String path) {
        if (v.isNumber()) {
            return new Bound(v.doubleValue(), null, v.isIntegralNumber());
        }
        if (v.isTextual()) {
            Quantity q = Expression.quantity(v.textValue().strip());
            if (q != null) {
                return new Bound(q.si(), q.dimension(), false);
            }
        }
        throw t.error(path, "expected a number or a quantity with a unit (\"10ns\"), got " + v);
    }

    private static Dimension sameDimension(SpecTree t, Bound a, Bound b, String path) {
        if (a.dimension != b.dimension) {
            throw t.error(path, "start/min and stop/max must have the same unit (" + unitName(a.dimension) + " vs "
                    + unitName(b.dimension) + ")");
        }
        return a.dimension;
    }

    private static String unitName(Dimension d) {
        return d == null ? "a plain number" : d.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean scaleIsLog(SpecTree t, JsonNode node, String path) {
        JsonNode s = node.get("scale");
        if (s == null) {
            return false;
        }
        if (s.isTextual() && (s.textValue().equals("linear") || s.textValue().equals("log"))) {
            return s.textValue().equals("log");
        }
        throw t.error(path + ".scale", "expected linear or log, got " + s);
    }

    /**
     * A range: {@code start}, {@code stop} (inclusive when the steps land on it) and one of {@code step}
     * (linear), {@code factor} (geometric) or {@code count} (evenly spaced, linear or log).
     */
    static List<Setting> range(SpecTree t, JsonNode node, String path) {
        only(t, node, path, Set.of("start", "stop", "step", "count", "factor", "scale"));
        Bound a = bound(t, required(t, node, "start", path), path + ".start");
        Bound b = bound(t, required(t, node, "stop", path), path + ".stop");
        Dimension dim = sameDimension(t, a, b, path);
        boolean log = scaleIsLog(t, node, path);
        int given = (node.has("step") ? 1 : 0) + (node.has("count") ? 1 : 0) + (node.has("factor") ? 1 : 0);
        if (given != 1) {
            throw t.error(path, "give exactly one of step (linear), factor (geometric) or count; got " + given);
        }
        List<Double> v = new ArrayList<>();
        boolean integral;
        if (node.has("step")) {
            if (log) {
                throw t.error(path + ".step", "step is linear; with scale: log give factor or count");
            }
            Bound s = bound(t, node.get("step"), path + ".step");
            if (s.dimension != dim) {
                throw t.error(path + ".step", "must have the same unit as start and stop");
            }
            if (s.si == 0 || (b.si - a.si) * s.si < 0) {
                throw t.error(path + ".step", "must be non-zero and point from start (" + node.get("start").asText()
                        + ") towards stop (" + node.get("stop").asText() + ")");
            }
            long n = (long) Math.floor((b.si - a.si) / s.si + 1e-9) + 1;
            checkCount(t, n, path);
            for (long i = 0; i < n; i++) {
                v.add(a.si + i * s.si);
            }
            integral = a.integral && s.integral;
        } else if (node.has("factor")) {
            JsonNode f = node.get("factor");
            if (!f.isNumber() || f.doubleValue() <= 0 || f.doubleValue() == 1) {
                throw t.error(path + ".factor", "expected a number > 0 other than 1, got " + f);
            }
            double q = f.doubleValue();
            if (a.si <= 0 || b.si <= 0 || (b.si - a.si) * (q - 1) < 0) {
                throw t.error(path + ".factor", "start and stop must be > 0 and factor must lead from start towards stop");
            }
            double x = a.si;
            double end = b.si * (q > 1 ? 1 + 1e-9 : 1 - 1e-9);
            while (q > 1 ? x <= end : x >= end) {
                v.add(x);
                checkCount(t, v.size(), path);
                x *= q;
            }
            integral = a.integral && f.isIntegralNumber();
        } else {
            JsonNode c = node.get("count");
            if (!c.isIntegralNumber() || c.intValue() < 1) {
                throw t.error(path + ".count", "expected an integer >= 1, got " + c);
            }
            int n = c.intValue();
            checkCount(t, n, path);
            if (log && (a.si <= 0 || b.si <= 0)) {
                throw t.error(path, "start and stop must be > 0 for scale: log");
            }
            for (int i = 0; i < n; i++) {
                double f = n == 1 ? 0 : (double) i / (n - 1);
                double x = log ? a.si * StrictMath.pow(b.si / a.si, f) : a.si + f * (b.si - a.si);
                v.add(i == n - 1 && n > 1 ? b.si : x);
            }
            integral = a.integral && b.integral;
            for (double x : v) {
                integral &= Math.abs(x - Math.rint(x)) < 1e-9;
            }
        }
        List<Setting> out = new ArrayList<>();
        for (double x : v) {
            double r = new BigDecimal(x).round(DIGITS).doubleValue();
            JsonNode n = dim != null ? NODES.textNode(Quantity.format(r, dim))
                    : integral ? integral(Math.rint(r)) : NODES.numberNode(r);
            out.add(Setting.of(n));
        }
        return out;
    }

    private static JsonNode integral(double v) {
        long l = (long) v;
        return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
    }

    private static void checkCount(SpecTree t, long n, String path) {
        if (n > MAX_VALUES) {
            throw t.error(path, "gives more than " + MAX_VALUES + " values");
        }
    }

    static JsonNode required(SpecTree t, JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw t.error(path, "missing " + key);
        }
        return v;
    }

    static Set<String> keys(JsonNode node) {
        Set<String> out = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Rejects keys of {@code node} outside {@code allowed}, suggesting the closest. */
    static void only(SpecTree t, JsonNode node, String path, Set<String> allowed) {
        for (String k : keys(node)) {
            if (!allowed.contains(k)) {
                String p = path.isEmpty() ? k : path + "." + k;
                List<String> sorted = new ArrayList<>(allowed);
                sorted.sort(null);
                throw t.error(p, "unknown key" + org.imcsim.config.Suggest.hint(k, sorted) + "; expected one of "
                        + String.join(", ", sorted));
            }
        }
    }
}
