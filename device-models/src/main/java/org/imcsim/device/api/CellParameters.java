package org.imcsim.device.api;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;

/**
 * The parameters every device model shares, with the same names and meanings in every model:
 * {@code cellBits}, the conductance range ({@code gMax}/{@code gMin} or {@code ron}/{@code onOffRatio}),
 * {@code cellType} with {@code cellHeightF}/{@code cellWidthF}, {@code readVoltage}, {@code readPulse},
 * {@code stuckAtLrs}, {@code stuckAtHrs}. A provider lists {@link #specs} next to its own and calls
 * {@link #parse}; third-party providers may do the same.
 *
 * @param cellBits     1..8, or {@link DeviceModel#ANALOG}
 * @param gMinS        lowest target conductance, siemens, {@code >= 0}
 * @param gMaxS        highest target conductance, siemens, {@code > gMinS}
 * @param cellType     access structure
 * @param cellHeightF  cell height in F
 * @param cellWidthF   cell width in F
 * @param readVoltageV full-scale read voltage, volts, {@code > 0}
 * @param readPulseS   read pulse width, seconds, {@code > 0}
 * @param stuckAtLrs   fraction of cells stuck at LRS (gMax)
 * @param stuckAtHrs   fraction of cells stuck at HRS (gMin)
 * @param costSource   one line: each cost figure with its source
 */
public record CellParameters(int cellBits, double gMinS, double gMaxS, CellType cellType, double cellHeightF,
                             double cellWidthF, double readVoltageV, double readPulseS, double stuckAtLrs,
                             double stuckAtHrs, String costSource) {

    /**
     * A model's defaults for the shared parameters, as written in a config, and where they come from.
     * For {@link #specs}, exactly one of {@code ron}/{@code gMax} and one of {@code onOffRatio}/{@code gMin}
     * is non-null; {@link #cellSpecs} ignores {@code cellBits} and the range.
     */
    public record Defaults(String cellBits, String ron, String onOffRatio, String gMax, String gMin,
                           String rangeSource, String readVoltage, String readPulse, String readSource,
                           String cellType, String cellSource) {
    }

    /** Specs of the shared parameters with {@code d}'s defaults. */
    public static List<ParameterSpec> specs(Defaults d) {
        if ((d.ron() == null) == (d.gMax() == null) || (d.onOffRatio() == null) == (d.gMin() == null)) {
            throw new IllegalArgumentException("exactly one of ron/gMax and one of onOffRatio/gMin needs a default");
        }
        List<ParameterSpec> s = new ArrayList<>();
        s.add(ParameterSpec.text("cellBits", d.cellBits(), "bits per cell, 1..8, or analog"));
        s.add(ParameterSpec.quantity("ron", Dimension.RESISTANCE, d.ron(),
                "on-state (LRS) resistance, sets gMax = 1/ron; give either ron or gMax" + src(d.ron(), d.rangeSource())));
        s.add(ParameterSpec.quantity("gMax", Dimension.CONDUCTANCE, d.gMax(),
                "highest target conductance (LRS); give either gMax or ron" + src(d.gMax(), d.rangeSource())));
        s.add(ParameterSpec.number("onOffRatio", d.onOffRatio(),
                "Roff/Ron = gMax/gMin, > 1; give either onOffRatio or gMin" + src(d.onOffRatio(), d.rangeSource())));
        s.add(ParameterSpec.quantity("gMin", Dimension.CONDUCTANCE, d.gMin(),
                "lowest target conductance (HRS), >= 0; give either gMin or onOffRatio" + src(d.gMin(), d.rangeSource())));
        s.addAll(cellSpecs(d));
        return s;
    }

    /** Specs of the shared parameters other than {@code cellBits} and the range (see {@link #parseCell}). */
    public static List<ParameterSpec> cellSpecs(Defaults d) {
        List<ParameterSpec> s = new ArrayList<>();
        s.add(ParameterSpec.quantity("readVoltage", Dimension.VOLTAGE, d.readVoltage(),
                "full-scale read voltage across a cell" + src(d.readVoltage(), d.readSource())));
        s.add(ParameterSpec.quantity("readPulse", Dimension.TIME, d.readPulse(),
                "read pulse width (read latency of a cell)" + src(d.readPulse(), d.readSource())));
        s.add(ParameterSpec.choice("cellType", d.cellType(), "cell access structure; sets the default cell size"
                + src(d.cellType(), d.cellSource()), CellType.labels()));
        s.add(ParameterSpec.number("cellHeightF", null,
                "cell height in feature sizes F; default by cellType: 1T1R 4, 0T1R 2 (NeuroSim V1.4 Param.cpp)"));
        s.add(ParameterSpec.number("cellWidthF", null,
                "cell width in feature sizes F; default by cellType: 1T1R 12, 0T1R 2 (NeuroSim V1.4 Param.cpp)"));
        s.add(ParameterSpec.number("stuckAtLrs", "0", "fraction of cells stuck in the low-resistance state (read gMax), 0..1"));
        s.add(ParameterSpec.number("stuckAtHrs", "0", "fraction of cells stuck in the high-resistance state (read gMin), 0..1"));
        return s;
    }

    private static String src(String value, String source) {
        return value == null ? "" : " (default " + value + ": " + source + ")";
    }

    /** Reads and validates the shared parameters; throws {@link DeviceParameterException} naming the key. */
    public static CellParameters parse(DeviceParameters p, Defaults d) {
        int cellBits = parseCellBits(p.text("cellBits"));

        if (p.isSet("gMax") && p.isSet("ron")) {
            throw new DeviceParameterException("gMax", "give either gMax or ron, not both");
        }
        if (p.isSet("gMin") && p.isSet("onOffRatio")) {
            throw new DeviceParameterException("gMin", "give either gMin or onOffRatio, not both");
        }
        boolean maxFromRon = p.isSet("ron") || (!p.isSet("gMax") && d.gMax() == null);
        double gMax;
        if (maxFromRon) {
            double ron = p.si("ron");
            if (!(ron > 0)) {
                throw new DeviceParameterException("ron", "must be > 0, got " + p.text("ron"));
            }
            gMax = 1.0 / ron;
        } else {
            gMax = p.si("gMax");
            if (!(gMax > 0)) {
                throw new DeviceParameterException("gMax", "must be > 0, got " + p.text("gMax"));
            }
        }
        boolean minFromRatio = p.isSet("onOffRatio") || (!p.isSet("gMin") && d.gMin() == null);
        double gMin;
        if (minFromRatio) {
            double ratio = p.number("onOffRatio");
            if (!(ratio > 1)) {
                throw new DeviceParameterException("onOffRatio", "must be > 1 (Roff above Ron), got " + p.text("onOffRatio"));
            }
            gMin = gMax / ratio;
        } else {
            gMin = p.si("gMin");
            if (gMin < 0) {
                throw new DeviceParameterException("gMin", "must be >= 0, got " + p.text("gMin"));
            }
            if (gMin >= gMax) {
                throw new DeviceParameterException("gMin", "must be below gMax (" + Quantity.format(gMax, Dimension.CONDUCTANCE)
                        + "), got " + p.text("gMin"));
            }
        }
        return parseCell(p, d, cellBits, gMin, gMax);
    }

    /**
     * Reads the shared parameters other than {@code cellBits} and the range (for a model whose
     * levels come from elsewhere, e.g. a measured table): those are given.
     */
    public static CellParameters parseCell(DeviceParameters p, Defaults d, int cellBits, double gMinS, double gMaxS) {
        double readVoltage = p.si("readVoltage");
        if (!(readVoltage > 0)) {
            throw new DeviceParameterException("readVoltage", "must be > 0, got " + p.text("readVoltage"));
        }
        double readPulse = p.si("readPulse");
        if (!(readPulse > 0)) {
            throw new DeviceParameterException("readPulse", "must be > 0, got " + p.text("readPulse"));
        }
        CellType type = CellType.of(p.choice("cellType"));
        double h = p.isSet("cellHeightF") ? positive(p, "cellHeightF") : type.defaultHeightF();
        double w = p.isSet("cellWidthF") ? positive(p, "cellWidthF") : type.defaultWidthF();
        double lrs = fraction(p, "stuckAtLrs");
        double hrs = fraction(p, "stuckAtHrs");
        if (lrs + hrs > 1) {
            throw new DeviceParameterException("stuckAtHrs", "stuckAtLrs + stuckAtHrs must not exceed 1, got " + (lrs + hrs));
        }

        String cellSrc = (p.isSet("cellType") || p.isSet("cellHeightF") || p.isSet("cellWidthF")) ? "set in config"
                : d.cellSource() + "; size NeuroSim V1.4 Param.cpp";
        String readSrc = (p.isSet("readVoltage") || p.isSet("readPulse")) ? "set in config" : d.readSource();
        String cost = "cell " + type + " " + fmt(h) + "F x " + fmt(w) + "F (" + cellSrc + "); read "
                + p.text("readVoltage") + ", " + p.text("readPulse") + " (" + readSrc + ")";
        return new CellParameters(cellBits, gMinS, gMaxS, type, h, w, readVoltage, readPulse, lrs, hrs, cost);
    }

    /** Parses {@code cellBits}: an integer 1..8 or {@code analog}. */
    public static int parseCellBits(String text) {
        if (text.equalsIgnoreCase("analog")) {
            return DeviceModel.ANALOG;
        }
        int bits;
        try {
            bits = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DeviceParameterException("cellBits", "expected an integer 1..8 or analog, got \"" + text + "\"");
        }
        if (bits < 1 || bits > 8) {
            throw new DeviceParameterException("cellBits", "expected an integer 1..8 or analog, got " + bits);
        }
        return bits;
    }

    /** A number in [0, 1] (a trailing % divides by 100). */
    public static double fraction(DeviceParameters p, String key) {
        double v = p.number(key);
        if (v < 0 || v > 1) {
            throw new DeviceParameterException(key, "must be a fraction in [0, 1], got " + p.text(key));
        }
        return v;
    }

    /** A number {@code >= 0}. */
    public static double nonNegative(DeviceParameters p, String key) {
        double v = p.number(key);
        if (v < 0) {
            throw new DeviceParameterException(key, "must be >= 0, got " + p.text(key));
        }
        return v;
    }

    /** A number {@code > 0}. */
    public static double positive(DeviceParameters p, String key) {
        double v = p.number(key);
        if (!(v > 0)) {
            throw new DeviceParameterException(key, "must be > 0, got " + p.text(key));
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
