package org.imcsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG plots of a sweep, drawn with XChart off-screen (headless AWT): the Pareto scatter for each pair
 * of objectives, energy and area breakdown bars for the front points, and metric-vs-parameter lines
 * (the spec's {@code plots:}, else one per swept parameter and objective).
 */
final class Plots {
    static {
        // no display is needed (or available on a cluster node) to draw into an image
        System.setProperty("java.awt.headless", "true");
    }

    /** Image size in pixels. */
    static final int WIDTH = 900;
    static final int HEIGHT = 600;
    /** Most front points drawn as breakdown bars. */
    static final int MAX_BARS = 40;
    /** Most default metric-vs-parameter plots. */
    static final int MAX_DEFAULT_LINES = 12;

    /** One plot: file name, caption and PNG bytes. */
    record Png(String file, String caption, byte[] bytes) {
    }

    private Plots() {
    }

    static List<Png> all(ResultSet rs, List<SweepSpec.Objective> used, List<PointResult> front) throws IOException {
        List<Png> out = new ArrayList<>();
        List<PointResult> ok = rs.ok();
        if (ok.isEmpty()) {
            return out;
        }
        for (int i = 0; i < used.size(); i++) {
            for (int j = i + 1; j < used.size(); j++) {
                out.add(pareto(ok, front, used.get(i), used.get(j)));
            }
        }
        Png e = breakdown(front, "energy.breakdownPj", "energy-breakdown.png", "energy per inference (pJ)", "Energy breakdown of the Pareto front");
        if (e != null) {
            out.add(e);
        }
        Png a = breakdown(front, "area.breakdownMm2", "area-breakdown.png", "area (mm²)", "Area breakdown of the Pareto front");
        if (a != null) {
            out.add(a);
        }
        List<SweepSpec.PlotSpec> specs = new ArrayList<>(rs.spec().plots());
        if (specs.isEmpty()) {
            specs = defaults(rs, used, ok);
        }
        for (SweepSpec.PlotSpec p : specs) {
            Png l = line(ok, p, rs.parameterPaths());
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    private static Png pareto(List<PointResult> ok, List<PointResult> front, SweepSpec.Objective x, SweepSpec.Objective y)
            throws IOException {
        XYChart c = xy("Pareto front: " + x.metric().name() + " vs " + y.metric().name(),
                x.metric().label() + (x.maximize() ? " ↑" : " ↓"), y.metric().label() + (y.maximize() ? " ↑" : " ↓"));
        c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        Set<String> onFront = new java.util.HashSet<>();
        for (PointResult r : front) {
            onFront.add(r.id());
        }
        List<Double> ax = new ArrayList<>();
        List<Double> ay = new ArrayList<>();
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        for (PointResult r : ok) {
            double vx = r.metric(x.metric());
            double vy = r.metric(y.metric());
            if (Double.isNaN(vx) || Double.isNaN(vy)) {
                continue;
            }
            (onFront.contains(r.id()) ? fx : ax).add(vx);
            (onFront.contains(r.id()) ? fy : ay).add(vy);
        }
        if (!ax.isEmpty()) {
            XYSeries s = c.addSeries("other points", ax, ay);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(150, 150, 150));
        }
        if (!fx.isEmpty()) {
            XYSeries s = c.addSeries("Pareto front (all objectives)", fx, fy);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(new Color(200, 30, 30));
        }
        logIfWide(c, ax, fx, true);
        logIfWide(c, ay, fy, false);
        return new Png("pareto-" + safe(x.metric().name()) + "-" + safe(y.metric().name()) + ".png",
                "Pareto scatter: " + x + " against " + y + "; front over all objectives in red", png(c));
    }

    private static Png breakdown(List<PointResult> front, String path, String file, String yLabel, String title) throws IOException {
        List<PointResult> pts = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>();
        for (PointResult r : front) {
            JsonNode b = at(r.report(), path);
            if (b != null && b.isObject() && pts.size() < MAX_BARS) {
                pts.add(r);
                b.fieldNames().forEachRemaining(categories::add);
            }
        }
        if (pts.isEmpty()) {
            return null;
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("Pareto point")
                .yAxisTitle(yLabel).build();
        c.getStyler().setStacked(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        List<String> xs = new ArrayList<>();
        for (PointResult r : pts) {
            xs.add(r.id().substring(0, r.id().indexOf('-')));
        }
        for (String cat : categories) {
            List<Double> ys = new ArrayList<>();
            for (PointResult r : pts) {
                JsonNode v = at(r.report(), path).get(cat);
                ys.add(v != null && v.isNumber() ? v.doubleValue() : 0.0);
            }
            c.addSeries(cat, xs, ys);
        }
        return new Png(file, title + " (" + pts.size() + " points, by point id)", png(c));
    }

    private static List<SweepSpec.PlotSpec> defaults(ResultSet rs, List<SweepSpec.Objective> used, List<PointResult> ok) {
        List<Metric> ys = new ArrayList<>();
        for (SweepSpec.Objective o : used) {
            ys.add(o.metric());
        }
        if (ys.isEmpty()) {
            for (Metric m : Metric.HEADLINE) {
                for (PointResult r : ok) {
                    if (!Double.isNaN(r.metric(m))) {
                        ys.add(m);
                        break;
                    }
                }
            }
        }
        List<String> params = rs.parameterPaths();
        List<SweepSpec.PlotSpec> out = new ArrayList<>();
        for (String x : params) {
            String series = null;
            if (params.size() == 2) {
                String other = params.get(0).equals(x) ? params.get(1) : params.get(0);
                Set<String> distinct = new LinkedHashSet<>();
                for (PointResult r : ok) {
                    distinct.add(r.parameter(other));
                }
                series = distinct.size() <= 8 ? other : null;
            }
            for (Metric y : ys) {
                if (out.size() < MAX_DEFAULT_LINES) {
                    out.add(new SweepSpec.PlotSpec(x, y, series, null));
                }
            }
        }
        return out;
    }

    /**
     * A metric against a parameter: one line per value of {@code series} (or one line), each y the mean
     * over points sharing (x, series); with several other swept parameters and no series, the min, mean
     * and max over them. Categorical x values are placed in plan order with their names as tick labels.
     */
    private static Png line(List<PointResult> ok, SweepSpec.PlotSpec p, List<String> params) throws IOException {
        List<String> xsText = new ArrayList<>();
        for (PointResult r : ok) {
            String t = r.parameter(p.x());
            if (!xsText.contains(t)) {
                xsText.add(t);
            }
        }
        boolean numeric = true;
        for (String t : xsText) {
            numeric &= Expression.numeric(t) != null;
        }
        Map<String, Map<Double, double[]>> agg = new LinkedHashMap<>(); // series → x → {sum, n, min, max}
        boolean spread = p.series() == null && params.size() > 1;
        for (PointResult r : ok) {
            double y = r.metric(p.y());
            if (Double.isNaN(y)) {
                continue;
            }
            String t = r.parameter(p.x());
            double x = numeric ? Expression.numeric(t) : xsText.indexOf(t);
            String s = p.series() == null ? p.y().name() : p.series() + " = " + r.parameter(p.series());
            double[] a = agg.computeIfAbsent(s, k -> new TreeMap<>()).computeIfAbsent(x, k -> new double[] {0, 0,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            a[0] += y;
            a[1]++;
            a[2] = Math.min(a[2], y);
            a[3] = Math.max(a[3], y);
        }
        if (agg.isEmpty()) {
            return null;
        }
        String xLabel = p.x();
        if (numeric && !xsText.isEmpty()) {
            org.imcsim.units.Quantity q = Expression.quantity(xsText.get(0).strip());
            if (q != null) {
                xLabel += " (" + q.dimension().siSymbol() + ")"; // quantities are placed by their SI value
            }
        }
        XYChart c = xy(p.y().name() + " vs " + p.x(), xLabel, p.y().label());
        c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        List<Double> allX = new ArrayList<>();
        for (Map.Entry<String, Map<Double, double[]>> e : agg.entrySet()) {
            List<Double> xs = new ArrayList<>(e.getValue().keySet());
            allX.addAll(xs);
            if (spread) {
                for (int k = 0; k < 3; k++) {
                    List<Double> ys = new ArrayList<>();
                    for (double[] a : e.getValue().values()) {
                        ys.add(k == 0 ? a[0] / a[1] : k == 1 ? a[2] : a[3]);
                    }
                    c.addSeries((k == 0 ? "mean" : k == 1 ? "min" : "max") + " over the other parameters", xs, ys)
                            .setMarker(SeriesMarkers.CIRCLE);
                }
            } else {
                List<Double> ys = new ArrayList<>();
                for (double[] a : e.getValue().values()) {
                    ys.add(a[0] / a[1]);
                }
                c.addSeries(e.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (!numeric) {
            c.getStyler().setxAxisTickLabelsFormattingFunction(v -> {
                int i = (int) Math.rint(v);
                return Math.abs(v - i) < 1e-9 && i >= 0 && i < xsText.size() ? xsText.get(i) : "";
            });
        } else if (p.logX() != null) {
            boolean positive = allX.stream().allMatch(v -> v > 0);
            c.getStyler().setXAxisLogarithmic(p.logX() && positive);
        } else {
            logIfWide(c, allX, List.of(), true);
        }
        String file = safe(p.y().name()) + "-vs-" + safe(p.x()) + (p.series() == null ? "" : "-by-" + safe(p.series())) + ".png";
        String caption = p.y().label() + " against " + p.x() + (p.series() != null ? ", one line per " + p.series()
                : spread ? " (min, mean and max over the other parameters)" : "");
        return new Png(file, caption, png(c));
    }

    private static XYChart xy(String title, String xLabel, String yLabel) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setMarkerSize(8);
        return c;
    }

    /** A logarithmic axis when all values are positive and span more than two decades. */
    private static void logIfWide(XYChart c, List<Double> a, List<Double> b, boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (List<Double> l : List.of(a, b)) {
            for (double v : l) {
                if (v <= 0) {
                    return;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi > 0 && hi / lo > 100) {
            if (xAxis) {
                c.getStyler().setXAxisLogarithmic(true);
            } else {
                c.getStyler().setYAxisLogarithmic(true);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String s : path.split("\\.")) {
            n = n == null ? null : n.get(s);
        }
        return n;
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase(Locale.ROOT);
    }

    private static byte[] png(org.knowm.xchart.internal.chartpart.Chart<?, ?> c) throws IOException {
        return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
    }
}
