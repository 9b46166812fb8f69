package org.imcsim.device.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imcsim.device.api.DeviceParameterException;

/**
 * Measured per-level statistics read from a CSV file. Format (one header line, then one row per
 * level in increasing order; blank lines and lines starting with {@code #} are ignored):
 * <pre>
 * level,targetUs,meanUs,stdUs,driftNuMean,driftNuStd,readStdUs
 * 0,0.0,0.12,0.26,0.10,0.045,0.02
 * ...
 * </pre>
 * {@code targetUs}, {@code meanUs}, {@code stdUs} are required (µS); {@code level} is optional and
 * must count 0, 1, ...; {@code driftNuMean}/{@code driftNuStd} (power-law drift exponent) come
 * together; {@code readStdUs} (σ of one read, µS) is optional. The number of rows is 2^cellBits
 * (2..256) and the targets must be evenly spaced (the mapping contract G = Gmin + level·ΔG).
 * Every error names the file, line and column.
 */
final class LevelTable {
    final double[] targetS;
    final double[] meanS;
    final double[] stdS;
    final double[] nuMean;   // null when the file has no drift columns
    final double[] nuStd;
    final double[] readStdS; // null when the file has no read-noise column
    final int cellBits;

    private LevelTable(double[] targetS, double[] meanS, double[] stdS, double[] nuMean, double[] nuStd,
                       double[] readStdS, int cellBits) {
        this.targetS = targetS;
        this.meanS = meanS;
        this.stdS = stdS;
        this.nuMean = nuMean;
        this.nuStd = nuStd;
        this.readStdS = readStdS;
        this.cellBits = cellBits;
    }

    private static final List<String> KNOWN = List.of("level", "targetUs", "meanUs", "stdUs", "driftNuMean", "driftNuStd", "readStdUs");

    static LevelTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeviceParameterException("file", file + ": cannot read: " + e.getMessage());
        }
        Map<String, Integer> col = null;
        int headerLine = 0;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (col == null) {
                headerLine = n + 1;
                col = new HashMap<>();
                for (int c = 0; c < cells.length; c++) {
                    String name = cells[c].strip();
                    if (!KNOWN.contains(name)) {
                        throw err(file, n + 1, name, "unknown column; known: " + String.join(", ", KNOWN));
                    }
                    if (col.put(name, c) != null) {
                        throw err(file, n + 1, name, "column appears twice");
                    }
                }
                for (String req : List.of("targetUs", "meanUs", "stdUs")) {
                    if (!col.containsKey(req)) {
                        throw err(file, n + 1, req, "required column is missing (need targetUs, meanUs, stdUs)");
                    }
                }
                if (col.containsKey("driftNuMean") != col.containsKey("driftNuStd")) {
                    throw err(file, n + 1, col.containsKey("driftNuMean") ? "driftNuStd" : "driftNuMean",
                            "driftNuMean and driftNuStd must be given together");
                }
                continue;
            }
            if (cells.length != col.size()) {
                throw err(file, n + 1, null, "expected " + col.size() + " values as in the header (line " + headerLine
                        + "), got " + cells.length);
            }
            double[] row = new double[KNOWN.size()];
            for (Map.Entry<String, Integer> e : col.entrySet()) {
                String text = cells[e.getValue()].strip();
                double v;
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException ex) {
                    throw err(file, n + 1, e.getKey(), "expected a number, got \"" + text + "\"");
                }
                if (!Double.isFinite(v) || v < 0) {
                    throw err(file, n + 1, e.getKey(), "expected a finite number >= 0, got \"" + text + "\"");
                }
                row[KNOWN.indexOf(e.getKey())] = v;
            }
            rows.add(row);
            rowLines.add(n + 1);
        }
        if (col == null) {
            throw new DeviceParameterException("file", file + ": empty file; expected a header line and one row per level");
        }
        int l = rows.size();
        if (l < 2 || l > 256 || Integer.bitCount(l) != 1) {
            throw new DeviceParameterException("file", file + ": expected 2^cellBits rows (2, 4, ..., 256 levels), got " + l);
        }
        int li = KNOWN.indexOf("level");
        int ti = KNOWN.indexOf("targetUs");
        double[] target = new double[l];
        double[] mean = new double[l];
        double[] std = new double[l];
        boolean drift = col.containsKey("driftNuMean");
        boolean read = col.containsKey("readStdUs");
        double[] nuM = drift ? new double[l] : null;
        double[] nuS = drift ? new double[l] : null;
        double[] rd = read ? new double[l] : null;
        for (int k = 0; k < l; k++) {
            double[] r = rows.get(k);
            if (col.containsKey("level") && r[li] != k) {
                throw err(file, rowLines.get(k), "level", "expected level " + k + " (rows in level order), got " + r[li]);
            }
            target[k] = r[ti] * 1e-6;
            mean[k] = r[KNOWN.indexOf("meanUs")] * 1e-6;
            std[k] = r[KNOWN.indexOf("stdUs")] * 1e-6;
            if (drift) {
                nuM[k] = r[KNOWN.indexOf("driftNuMean")];
                nuS[k] = r[KNOWN.indexOf("driftNuStd")];
            }
            if (read) {
                rd[k] = r[KNOWN.indexOf("readStdUs")] * 1e-6;
            }
        }
        double step = (target[l - 1] - target[0]) / (l - 1);
        if (!(step > 0)) {
            throw err(file, rowLines.get(l - 1), "targetUs", "targets must increase from the first to the last level");
        }
        for (int k = 1; k < l; k++) {
            double expected = target[0] + k * step;
            if (Math.abs(target[k] - expected) > 1e-3 * step) {
                throw err(file, rowLines.get(k), "targetUs", "levels must be evenly spaced (G = Gmin + level x step): expected "
                        + String.format(java.util.Locale.ROOT, "%.6g", expected * 1e6) + ", got "
                        + String.format(java.util.Locale.ROOT, "%.6g", target[k] * 1e6));
            }
        }
        return new LevelTable(target, mean, std, nuM, nuS, rd, Integer.numberOfTrailingZeros(l));
    }

    private static DeviceParameterException err(Path file, int line, String column, String detail) {
        return new DeviceParameterException("file", file + ":" + line + (column == null ? "" : ": column " + column) + ": " + detail);
    }
}
