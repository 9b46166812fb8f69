package org.imcsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one point, as one line of {@code results.jsonl}: {@code id}, {@code index},
 * {@code seed}, {@code status} ({@code ok} or {@code failed}), {@code error} (failed points),
 * {@code parameters} (in parameter order) and {@code report} (the full report, sorted keys).
 *
 * @param id         point id
 * @param index      point index
 * @param seed       the point's simulation seed
 * @param parameters swept parameters (a named choice by its name)
 * @param ok         true when the point produced a report
 * @param error      the error message of a failed point (one line), else null
 * @param report     the report tree of a successful point, else null
 */
public record PointResult(String id, int index, long seed, ObjectNode parameters, boolean ok, String error, ObjectNode report) {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public PointResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parameters, "parameters");
        if (ok != (report != null) || ok == (error != null)) {
            throw new IllegalArgumentException("a point has either a report (ok) or an error (failed)");
        }
    }

    /** A successful point. */
    public static PointResult ok(SweepPoint p, ObjectNode report) {
        return new PointResult(p.id(), p.index(), p.seed(), p.parametersJson(), true, null, report);
    }

    /** A failed point with its one-line message. */
    public static PointResult failed(SweepPoint p, String error) {
        return new PointResult(p.id(), p.index(), p.seed(), p.parametersJson(), false, oneLine(error), null);
    }

    static String oneLine(String s) {
        return s == null ? "(no message)" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The JSON line (no line break): fields in a fixed order, so equal results give equal bytes. */
    public String toJsonLine() {
        ObjectNode o = NODES.objectNode();
        o.put("id", id);
        o.put("index", index);
        o.put("seed", seed);
        o.put("status", ok ? "ok" : "failed");
        if (!ok) {
            o.put("error", error);
        }
        o.set("parameters", parameters);
        if (ok) {
            o.set("report", report);
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result is not serializable", e);
        }
    }

    /** Parses a line written by {@link #toJsonLine()}; throws IllegalArgumentException when it is not one. */
    public static PointResult parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject() || !n.path("id").isTextual() || !n.path("index").isInt() || !n.path("seed").isIntegralNumber()
                || !n.path("parameters").isObject() || !n.path("status").isTextual()) {
            throw new IllegalArgumentException("not a sweep result (id, index, seed, status, parameters)");
        }
        boolean ok = n.get("status").textValue().equals("ok");
        if (ok && !n.path("report").isObject()) {
            throw new IllegalArgumentException("an ok result without a report");
        }
        if (!ok && !n.path("error").isTextual()) {
            throw new IllegalArgumentException("a failed result without an error");
        }
        return new PointResult(n.get("id").textValue(), n.get("index").intValue(), n.get("seed").longValue(),
                (ObjectNode) n.get("parameters"), ok, ok ? null : n.get("error").textValue(),
                ok ? (ObjectNode) n.get("report") : null);
    }

    /** The value of metric {@code m}, NaN when absent (or the point failed). */
    public double metric(Metric m) {
        return ok ? m.valueIn(report) : Double.NaN;
    }

    /** The display text of parameter {@code path} (empty when the point does not set it). */
    public String parameter(String path) {
        JsonNode v = parameters.get(path);
        return v == null ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    /** The row of results.csv: id, index, status, parameters, headline metrics, error. */
    public List<String> csvRow(List<String> parameterPaths) {
        List<String> row = new ArrayList<>();
        row.add(id);
        row.add(Integer.toString(index));
        row.add(ok ? "ok" : "failed");
        for (String p : parameterPaths) {
            row.add(parameter(p));
        }
        for (Metric m : Metric.HEADLINE) {
            row.add(Csv.number(metric(m)));
        }
        row.add(ok ? "" : error);
        return row;
    }

    /** The header of results.csv. */
    public static List<String> csvHeader(List<String> parameterPaths) {
        List<String> h = new ArrayList<>(List.of("id", "index", "status"));
        h.addAll(parameterPaths);
        for (Metric m : Metric.HEADLINE) {
            h.add(m.column());
        }
        h.add("error");
        return h;
    }
}
