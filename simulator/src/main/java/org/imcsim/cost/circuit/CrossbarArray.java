package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * The resistive crossbar itself: geometry from the cell footprint, row/column wire R and C, the 1T1R
 * access transistor sized so its on-resistance is 25 % of Ron (IR-drop tolerance) in the linear region,
 * and the two energies of a read: the word lines that open the access gates (C·Vdd² per active row per
 * column-mux phase, NeuroSim V1.4 {@code SubArray.cpp}) and the resistive cell current V²·G·t
 * ({@link #cellReadEnergyJ(double, double)}), which the event simulation evaluates from the actual
 * conductances and read times. In the NeuroSim profile the cell current is part of the sense-amp fit.
 */
public final class CrossbarArray {
    /** Access-transistor resistance as a fraction of Ron (NeuroSim IR_DROP_TOLERANCE). */
    public static final double IR_DROP_TOLERANCE = 0.25;
    /** Access transistor kept in the linear region: R_on scaled by this ratio. */
    public static final double LINEAR_REGION_RATIO = 0.20;

    private final Technology tech;
    private final int rows;
    private final int cols;
    private final CellType cellType;
    private final double heightM;
    private final double widthM;
    private final double capRowF;
    private final double capWordLineF;
    private final double capColF;
    private final double resRowOhm;
    private final double resColOhm;
    private final double resAccessOhm;
    private final double widthAccessM;
    private final double resCellAvgOhm;
    private final double wireResPerCellRowOhm;
    private final double wireResPerCellColOhm;
    private final double cellFeatureM;
    private final double cellHeightF;
    private final double cellWidthF;

    /**
     * @param rows           word lines
     * @param cols           bit lines
     * @param cellHeightF    cell height in F (the type's F: logic for 1T1R, metal pitch for 0T1R)
     * @param cellWidthF     cell width in F
     * @param ronOhm         device on-resistance
     * @param roffOhm        device off-resistance
     * @param numRowParallel rows read simultaneously
     */
    public CrossbarArray(Technology tech, int rows, int cols, CellType cellType, double cellHeightF, double cellWidthF,
                         double ronOhm, double roffOhm, int numRowParallel) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("crossbar must have rows, cols > 0, got " + rows + " x " + cols);
        }
        this.tech = tech;
        this.rows = rows;
        this.cols = cols;
        this.cellType = cellType;
        this.cellHeightF = cellHeightF;
        this.cellWidthF = cellWidthF;
        cellFeatureM = cellType == CellType.ONE_T_ONE_R ? tech.featureSizeM() : tech.memoryFeatureSizeM();
        widthM = cols * cellWidthF * cellFeatureM;
        heightM = rows * cellHeightF * cellFeatureM;
        double cw = tech.wireCapFPerM();
        double capRow = widthM * cw;
        double capWl = capRow;
        double capCol = heightM * cw;
        resRowOhm = widthM * tech.wireResistanceOhmPerM();
        resColOhm = heightM * tech.wireResistanceOhmPerM();
        // Per-cell wire segments as NeuroSim's column-resistance model takes them (Param.cpp: the row
        // segment spans the cell height and the column segment its width, in the metal-pitch F).
        wireResPerCellRowOhm = tech.wireResistanceOhmPerM() * tech.memoryFeatureSizeM() * cellHeightF;
        wireResPerCellColOhm = tech.wireResistanceOhmPerM() * tech.memoryFeatureSizeM() * cellWidthF;
        if (cellType == CellType.ONE_T_ONE_R) {
            resAccessOhm = ronOhm * IR_DROP_TOLERANCE;
            double f = tech.featureSizeM();
            widthAccessM = Gates.onResistance(tech, f, false) * LINEAR_REGION_RATIO / resAccessOhm * f;
            if (widthAccessM / f > cellWidthF) {
                throw new org.imcsim.config.BadInputException(null, "device.ron", String.format(java.util.Locale.ROOT,
                        "%.0f Ohm needs a %.2f F wide 1T1R access transistor but the cell is %.1f F wide; "
                                + "raise device.ron or the cell width", ronOhm, widthAccessM / f, cellWidthF));
            }
            capWl += Gates.gateCap(tech, widthAccessM) * cols;
            capCol += Gates.drainCap(tech, widthAccessM, false, Gates.cellHeight(tech)) * rows;
        } else {
            resAccessOhm = 0;
            widthAccessM = 0;
        }
        capRowF = capRow;
        capWordLineF = capWl;
        capColF = capCol;
        double n = numRowParallel;
        resCellAvgOhm = 1 / (1 / (ronOhm + resAccessOhm) * n / 2 + 1 / (roffOhm + resAccessOhm) * n / 2) * n;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public CellType cellType() {
        return cellType;
    }

    public double heightM() {
        return heightM;
    }

    public double widthM() {
        return widthM;
    }

    public double areaM2() {
        return heightM * widthM;
    }

    /** Row wire capacitance (BL of 1T1R / WL of cross-point), F. */
    public double capRowF() {
        return capRowF;
    }

    /** Word-line capacitance including the access gates (1T1R), F. */
    public double capWordLineF() {
        return capWordLineF;
    }

    /** Column capacitance including access-transistor drains, F. */
    public double capColF() {
        return capColF;
    }

    public double resRowOhm() {
        return resRowOhm;
    }

    public double resColOhm() {
        return resColOhm;
    }

    /** Access-transistor on-resistance (0 for cross-point), Ω. */
    public double resAccessOhm() {
        return resAccessOhm;
    }

    /** Average cell resistance seen by a column with half the rows on and half off, × rows (NeuroSim). */
    public double resCellAvgOhm() {
        return resCellAvgOhm;
    }

    /** Wire resistance of one cell pitch along a row, Ω. */
    public double wireResPerCellRowOhm() {
        return wireResPerCellRowOhm;
    }

    /** Wire resistance of one cell pitch along a column, Ω. */
    public double wireResPerCellColOhm() {
        return wireResPerCellColOhm;
    }

    /** Area of one dummy reference column (the array height × one cell width, in the metal-pitch F), m². */
    public double dummyColumnAreaM2() {
        double fm = tech.memoryFeatureSizeM();
        return rows * cellHeightF * fm * cellWidthF * fm;
    }

    /**
     * Resistance of one cell's read path: device + access transistor + the average wire length to the
     * driver and the sense amplifier, Ω.
     */
    public double cellPathResOhm(double deviceResOhm) {
        return deviceResOhm + resAccessOhm + (cols + 1) / 2.0 * wireResPerCellRowOhm
                + (rows + 1) / 2.0 * wireResPerCellColOhm;
    }

    /** Word-line energy of one read phase with {@code activeRows} rows open, J. */
    public double wordLineEnergyJ(double activeRows) {
        return capWordLineF * tech.vddV() * tech.vddV() * activeRows;
    }

    /**
     * Energy drawn through the cells during a read: V²·Σ(G·t), J.
     *
     * @param sumConductanceTimesSecondsSs Σ over cells and read pulses of conductance × active time, S·s
     * @param readVoltageV                 voltage across the cells
     */
    public static double cellReadEnergyJ(double sumConductanceTimesSecondsSs, double readVoltageV) {
        return readVoltageV * readVoltageV * sumConductanceTimesSecondsSs;
    }
}
