package org.imcsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A number read from a point's report: a headline metric by short name ({@code energy}) or any report
 * path ({@code mapping.crossbars}). Per inference, units in the column names.
 *
 * @param name   short name used in specs ({@code energy}) or the report path itself
 * @param path   dotted path in the report ({@code energy.totalPj})
 * @param column column name in results.csv ({@code energyPj})
 * @param label  axis label with unit ({@code energy (pJ/inference)})
 */
public record Metric(String name, String path, String column, String label) {

    /** The headline metrics, in results.csv column order. */
    public static final List<Metric> HEADLINE = List.of(
            new Metric("area", "area.totalMm2", "areaMm2", "area (mm²)"),
            new Metric("energy", "energy.totalPj", "energyPj", "energy (pJ/inference)"),
            new Metric("latency", "latency.singleImageNs", "latencyNs", "latency (ns/inference)"),
            new Metric("throughput", "throughput.inferencesPerSecond", "inferencesPerSecond", "throughput (inferences/s)"),
            new Metric("topsPerWatt", "efficiency.topsPerWatt", "topsPerWatt", "efficiency (TOPS/W)"),
            new Metric("topsPerMm2", "efficiency.topsPerMm2", "topsPerMm2", "density (TOPS/mm²)"),
            new Metric("accuracy", "accuracy.top1Mean", "accuracyMean", "top-1 accuracy (mean over chips)"),
            new Metric("accuracyStd", "accuracy.top1Std", "accuracyStd", "top-1 accuracy (std over chips)"),
            new Metric("crossbars", "mapping.crossbars", "crossbars", "crossbars placed on the chip"));

    /** A headline metric by short name, or a report path (must contain a dot), else null. */
    public static Metric named(String name) {
        for (Metric m : HEADLINE) {
            if (m.name.equals(name) || m.path.equals(name) || m.column.equals(name)) {
                return m;
            }
        }
        if (name.contains(".") && !name.startsWith(".") && !name.endsWith(".")) {
            return new Metric(name, name, name, name);
        }
        return null;
    }

    /** Short names of the headline metrics. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Metric m : HEADLINE) {
            out.add(m.name);
        }
        return out;
    }

    /** The metric's value in {@code report} (a report tree), or NaN when absent or not a number. */
    public double valueIn(JsonNode report) {
        JsonNode n = report;
        for (String s : path.split("\\.")) {
            if (n == null) {
                return Double.NaN;
            }
            n = n.get(s);
        }
        return n != null && n.isNumber() ? n.doubleValue() : Double.NaN;
    }
}
