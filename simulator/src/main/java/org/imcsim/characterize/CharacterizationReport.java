package org.imcsim.characterize;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * Writes a {@link Characterization}: {@code levels.csv} (one row per level and time, conductances
 * in µS), {@code distribution.png} (histogram of all cells' conductances, one curve per time), and
 * a one-screen text summary. Files are written to a temporary file in the output folder and then
 * renamed into place, so a reader never sees a half-written file.
 */
public final class CharacterizationReport {
    /** CSV header; conductances in µS, time in seconds. */
    public static final String CSV_HEADER =
            "level,targetUs,timeS,meanUs,stdUs,p01Us,p50Us,p99Us,readSigmaUs,stuckFraction,overlapNext";
    /** Histogram bins over the full conductance range in the plot. */
    static final int BINS = 400;
    /** Rows of the summary table at most (one screen). */
    static final int SUMMARY_ROWS = 16;

    private final Characterization c;

    public CharacterizationReport(Characterization c) {
        this.c = c;
    }

    /** The CSV text (deterministic for a given characterization). */
    public String csv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        double[] times = c.timesS();
        for (int k = 0; k < times.length; k++) {
            for (int l = 0; l < c.levels(); l++) {
                Characterization.LevelStats s = c.stats(k, l);
                sb.append(l).append(',').append(us(s.targetS())).append(',').append(num(s.timeS())).append(',')
                        .append(us(s.meanS())).append(',').append(us(s.stdS())).append(',').append(us(s.p01S())).append(',')
                        .append(us(s.p50S())).append(',').append(us(s.p99S())).append(',').append(us(s.readSigmaS())).append(',')
                        .append(num(s.stuckFraction())).append(',')
                        .append(Double.isNaN(s.overlapNext()) ? "" : num(s.overlapNext())).append('\n');
            }
        }
        return sb.toString();
    }

    /** The one-screen summary: model, then per time a table of level means, σ and overlap with the next level. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(c.model().summary()).append('\n');
        sb.append(String.format(Locale.ROOT, "%d cells per %s, seed %d%n", c.cellsPerLevel(),
                c.model().analog() ? "target (analog: " + Characterization.ANALOG_POINTS + " targets)" : "level", c.seed()));
        int levels = c.levels();
        int stride = Math.max(1, (levels + SUMMARY_ROWS - 1) / SUMMARY_ROWS);
        double[] times = c.timesS();
        for (int k = 0; k < times.length; k++) {
            sb.append(String.format(Locale.ROOT, "t = %s%s%n", Quantity.format(times[k], Dimension.TIME),
                    stride > 1 ? " (every " + stride + "th level shown)" : ""));
            sb.append(String.format(Locale.ROOT, "  %5s %10s %10s %9s %9s %8s%n", "level", "target uS", "mean uS", "sigma uS", "stuck", "overlap"));
            double worst = 0;
            int worstLevel = -1;
            for (int l = 0; l < levels; l++) {
                Characterization.LevelStats s = c.stats(k, l);
                if (!Double.isNaN(s.overlapNext()) && s.overlapNext() > worst) {
                    worst = s.overlapNext();
                    worstLevel = l;
                }
                if (l % stride == 0 || l == levels - 1) {
                    sb.append(String.format(Locale.ROOT, "  %5d %10.4f %10.4f %9.4f %9.5f %8s%n", l, s.targetS() * 1e6,
                            s.meanS() * 1e6, s.stdS() * 1e6, s.stuckFraction(),
                            Double.isNaN(s.overlapNext()) ? "-" : String.format(Locale.ROOT, "%.5f", s.overlapNext())));
                }
            }
            sb.append(worstLevel < 0 ? "  no overlap between adjacent levels\n"
                    : String.format(Locale.ROOT, "  worst overlap %.5f between levels %d and %d%n", worst, worstLevel, worstLevel + 1));
        }
        return sb.toString();
    }

    /** The distribution plot as PNG bytes (headless). */
    public byte[] png() {
        System.setProperty("java.awt.headless", "true");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] times = c.timesS();
        for (int k = 0; k < times.length; k++) {
            for (int l = 0; l < c.levels(); l++) {
                float[] s = c.samples(k, l);
                lo = Math.min(lo, s[0]);
                hi = Math.max(hi, s[s.length - 1]);
            }
        }
        if (!(hi > lo)) {
            hi = lo + Math.max(1e-9, Math.abs(lo) * 1e-3);
        }
        double width = (hi - lo) / BINS;
        XYChart chart = new XYChartBuilder().width(1000).height(600)
                .title(c.model().name() + ": conductance distribution, " + c.cellsPerLevel() + " cells per level")
                .xAxisTitle("conductance (uS)").yAxisTitle("fraction of cells per bin").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisDecimalPattern("0.##");
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double total = (double) c.cellsPerLevel() * c.levels();
        for (int k = 0; k < times.length; k++) {
            double[] x = new double[BINS];
            double[] y = new double[BINS];
            for (int b = 0; b < BINS; b++) {
                x[b] = (lo + (b + 0.5) * width) * 1e6;
            }
            for (int l = 0; l < c.levels(); l++) {
                for (float v : c.samples(k, l)) {
                    int b = (int) ((v - lo) / width);
                    y[b >= BINS ? BINS - 1 : (b < 0 ? 0 : b)] += 1;
                }
            }
            for (int b = 0; b < BINS; b++) {
                y[b] /= total;
            }
            chart.addSeries("t = " + Quantity.format(times[k], Dimension.TIME), x, y);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the distribution plot", e);
        }
    }

    /** Writes {@code levels.csv} and {@code distribution.png} into {@code dir} (created if missing), atomically each. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve("levels.csv"), csv().getBytes(StandardCharsets.UTF_8));
        writeAtomically(dir.resolve("distribution.png"), png());
    }

    /** Writes {@code bytes} to a temporary file next to {@code target}, then renames it into place. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        org.imcsim.report.AtomicFiles.write(target, bytes);
    }

    private static String us(double s) {
        return num(s * 1e6);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
