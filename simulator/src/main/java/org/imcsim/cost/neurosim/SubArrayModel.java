package org.imcsim.cost.neurosim;

import org.imcsim.cost.Calibration;
import org.imcsim.cost.Technology;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.circuit.AnalogMux;
import org.imcsim.cost.circuit.CellType;
import org.imcsim.cost.circuit.CrossbarArray;
import org.imcsim.cost.circuit.Decoder;
import org.imcsim.cost.circuit.Fit;
import org.imcsim.cost.circuit.LevelShifter;
import org.imcsim.cost.circuit.MultilevelSenseAmp;
import org.imcsim.cost.circuit.RowSwitchMatrix;
import org.imcsim.cost.circuit.SaEncoder;
import org.imcsim.cost.circuit.SarAdc;
import org.imcsim.cost.circuit.ShiftAdd;
import org.imcsim.cost.circuit.SwitchMatrix;

/**
 * One crossbar sub-array with its periphery in NeuroSim's parallel-read organisation: level shifters
 * (if the write voltage needs them), WL/SL switch matrices, the column mux and its decoder, the column
 * ADCs (MLSA/flash + encoder, or SAR) and the shift-adders for weight slices and input bit-planes.
 * The floorplan stacks the column-side blocks under the array and the row-side blocks beside it; the
 * bounding box (with its whitespace) is what the PE tiles. After NeuroSim V1.4 {@code SubArray.cpp}.
 *
 * <p>One <em>read phase</em> applies one input bit-plane to all rows and converts the
 * {@code colsPerAdc} column groups one after another: {@link #cyclesPerVector()} clocks.
 */
public final class SubArrayModel {
    private final NeurosimConfig cfg;
    private final Technology tech;
    private final Calibration cal;
    private final int numColMuxed;
    private final int numAdc;
    private final int cellsPerWeight;
    private final CrossbarArray array;
    private final LevelShifter wlShifter;
    private final LevelShifter blShifter;
    private final LevelShifter slShifter;
    private final RowSwitchMatrix wlSwitch1T1R;
    private final SwitchMatrix wlSwitchCrossPoint;
    private final SwitchMatrix slSwitch;
    private final AnalogMux mux;
    private final Decoder muxDecoder;
    private final MultilevelSenseAmp mlsa;
    private final SaEncoder encoder;
    private final SarAdc sar;
    private final ShiftAdd shiftAddWeight;
    private final ShiftAdd shiftAddInput;
    private final double heightM;
    private final double widthM;
    private final double areaAdcM2;
    private final double areaAccumM2;
    private final double areaOtherM2;
    private final double sensingLatencyS;

    public SubArrayModel(NeurosimConfig cfg) {
        this.cfg = cfg;
        this.tech = cfg.technology();
        this.cal = cfg.calibration();
        int rows = cfg.rows();
        int cols = cfg.cols();
        numColMuxed = Math.min(cfg.colsPerAdc(), cols);
        numAdc = cols / numColMuxed;
        cellsPerWeight = cfg.cellsPerWeight();
        int levels = cfg.adcLevels();
        array = new CrossbarArray(tech, rows, cols, cfg.cellType(), cfg.cellHeightF(), cfg.cellWidthF(), cfg.ronOhm(),
                cfg.roffOhm(), rows);
        double ah = array.heightM();
        double aw = array.widthM();
        if (cfg.writeVoltageV() > 1.5) {
            wlShifter = new LevelShifter(tech, rows, cal, Fit.height(ah));
            blShifter = new LevelShifter(tech, rows, cal, Fit.height(ah));
            slShifter = new LevelShifter(tech, cols, cal, Fit.width(aw));
        } else {
            wlShifter = null;
            blShifter = null;
            slShifter = null;
        }
        double resTg = array.resCellAvgOhm() / rows;
        if (cfg.cellType() == CellType.ONE_T_ONE_R) {
            wlSwitch1T1R = new RowSwitchMatrix(tech, rows, ah);
            wlSwitchCrossPoint = null;
        } else {
            wlSwitch1T1R = null;
            wlSwitchCrossPoint = new SwitchMatrix(tech, true, rows, resTg * rows / cols, ah);
        }
        slSwitch = new SwitchMatrix(tech, false, cols, resTg * rows, aw);
        if (numColMuxed > 1) {
            int addr = (int) Math.ceil(Math.log(numColMuxed) / Math.log(2));
            muxDecoder = new Decoder(tech, addr, true, tech.muxDriverSizing(), 0);
            AnalogMux natural = new AnalogMux(tech, numAdc, numColMuxed, resTg, aw, 0);
            mux = new AnalogMux(tech, numAdc, numColMuxed, resTg, aw,
                    Math.max(muxDecoder.heightM(), natural.naturalHeightM()));
        } else {
            muxDecoder = null;
            mux = null;
        }
        if (cfg.adcType() == AdcType.SAR) {
            sar = new SarAdc(tech, numAdc, levels, cfg.readVoltageV(), aw);
            mlsa = null;
            encoder = null;
        } else {
            sar = null;
            mlsa = new MultilevelSenseAmp(tech, numAdc, levels, cfg.adcType() == AdcType.MLSA, rows, cfg.ronOhm(),
                    cfg.readVoltageV(), array.capColF(), array.dummyColumnAreaM2(), levels, aw);
            encoder = new SaEncoder(tech, levels, numAdc, aw);
        }
        int adcBits = (int) (Math.log(levels) / Math.log(2) + 1e-9);
        shiftAddWeight = cellsPerWeight > 1 ? new ShiftAdd(tech, numAdc, adcBits, cellsPerWeight, Fit.width(aw)) : null;
        shiftAddInput = cfg.inputBits() > 1
                ? new ShiftAdd(tech, numAdc, adcBits + cellsPerWeight, cfg.inputBits(), Fit.width(aw)) : null;

        double h = ah + slSwitch.heightM();
        h += slShifter != null ? slShifter.heightM() : 0;
        h += mux != null ? mux.heightM() : 0;
        h += mlsa != null ? mlsa.heightM() + encoder.heightM() : sar.heightM();
        h += shiftAddWeight != null ? shiftAddWeight.heightM() : 0;
        h += shiftAddInput != null ? shiftAddInput.heightM() : 0;
        double rowSide = (wlShifter != null ? wlShifter.widthM() + blShifter.widthM() : 0)
                + (wlSwitch1T1R != null ? wlSwitch1T1R.widthM() : wlSwitchCrossPoint.widthM());
        heightM = h;
        widthM = Math.max(rowSide, muxDecoder != null ? muxDecoder.widthM() : 0) + aw;
        areaAdcM2 = mlsa != null ? mlsa.areaM2() + encoder.areaM2() : sar.areaM2();
        areaAccumM2 = (shiftAddWeight != null ? shiftAddWeight.areaM2() : 0)
                + (shiftAddInput != null ? shiftAddInput.areaM2() : 0);
        areaOtherM2 = (wlShifter != null ? wlShifter.areaM2() + blShifter.areaM2() + slShifter.areaM2() : 0)
                + (wlSwitch1T1R != null ? wlSwitch1T1R.areaM2() : wlSwitchCrossPoint.areaM2())
                + slSwitch.areaM2() + (mux != null ? mux.areaM2() + muxDecoder.areaM2() : 0);

        double row = wlSwitch1T1R != null
                ? wlSwitch1T1R.latencyS(array.capWordLineF(), array.resRowOhm())
                : wlSwitchCrossPoint.latencyS(array.capRowF() / cols, array.resRowOhm() / cols, cols);
        double muxPath = mux != null
                ? mux.latencyS(0) + muxDecoder.latencyS(mux.selectLoadNF(), mux.selectLoadPF(), 0, 0) : 0;
        double adc = mlsa != null ? mlsa.latencyS() + encoder.latencyS() : sar.latencyS();
        sensingLatencyS = (Math.max(row, muxPath) + adc) * cal.sensingCycleFactor();
    }

    public NeurosimConfig config() {
        return cfg;
    }

    public CrossbarArray array() {
        return array;
    }

    /** Bounding-box height, m. */
    public double heightM() {
        return heightM;
    }

    /** Bounding-box width, m. */
    public double widthM() {
        return widthM;
    }

    /** Bounding-box area (includes layout whitespace), m². */
    public double areaM2() {
        return heightM * widthM;
    }

    public double areaArrayM2() {
        return array.areaM2();
    }

    /** ADC area (sense amps + references + encoders, or SAR), m². */
    public double areaAdcM2() {
        return areaAdcM2;
    }

    /** Shift-add area, m². */
    public double areaAccumM2() {
        return areaAccumM2;
    }

    /** Level shifters, switch matrices, mux and mux decoder, m². */
    public double areaOtherM2() {
        return areaOtherM2;
    }

    /** Area of each named block of this sub-array, m² (for reports and validation). */
    public java.util.Map<String, Double> blockAreasM2() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("array", array.areaM2());
        if (wlShifter != null) {
            m.put("wlLevelShifter", wlShifter.areaM2());
            m.put("blLevelShifter", blShifter.areaM2());
            m.put("slLevelShifter", slShifter.areaM2());
        }
        m.put("wlSwitchMatrix", wlSwitch1T1R != null ? wlSwitch1T1R.areaM2() : wlSwitchCrossPoint.areaM2());
        m.put("slSwitchMatrix", slSwitch.areaM2());
        if (mux != null) {
            m.put("mux", mux.areaM2());
            m.put("muxDecoder", muxDecoder.areaM2());
        }
        if (mlsa != null) {
            m.put("senseAmp", mlsa.areaM2());
            m.put("encoder", encoder.areaM2());
        } else {
            m.put("sarAdc", sar.areaM2());
        }
        if (shiftAddInput != null) {
            m.put("shiftAddInput", shiftAddInput.areaM2());
        }
        if (shiftAddWeight != null) {
            m.put("shiftAddWeight", shiftAddWeight.areaM2());
        }
        return m;
    }

    /** The sensing cycle (row drive or mux select, then ADC), × β: the chip clock's lower bound, s. */
    public double sensingLatencyS() {
        return sensingLatencyS;
    }

    /** ADCs in the sub-array. */
    public int numAdc() {
        return numAdc;
    }

    /** Columns sharing one ADC. */
    public int numColMuxed() {
        return numColMuxed;
    }

    /**
     * Clock cycles per read phase: one per column-mux position, plus any shift-add time that does not
     * hide behind the conversions.
     */
    public double cyclesPerVector(double clockPeriodS) {
        double adc = numColMuxed;
        double accum = 0;
        int groups = numColMuxed / cellsPerWeight;
        if (shiftAddWeight != null) {
            accum += (cellsPerWeight - 1) * groups
                    * Math.max(Math.ceil(shiftAddWeight.adderLatencyS() / clockPeriodS) - (adc + accum) / numColMuxed, 0);
        }
        if (shiftAddInput != null && groups > 0) {
            accum += groups * Math.max(Math.ceil(shiftAddInput.adderLatencyS() / clockPeriodS) - (adc + accum) / groups, 0);
        }
        return adc + accum;
    }

    /** Energy of one read phase by NeuroSim category. */
    public record PhaseEnergy(double adcJ, double accumJ, double otherJ) {
        public double totalJ() {
            return adcJ + accumJ + otherJ;
        }
    }

    /**
     * Expected energy of one read phase.
     *
     * @param usedRows       rows of the sub-array holding weights
     * @param usedCols       columns holding weights
     * @param rowDensity     probability that a used row's input bit is 1 in this bit-plane
     * @param cellConductanceS mean read-path conductance of a used cell (device + access + wire), S
     */
    public PhaseEnergy phaseEnergy(int usedRows, int usedCols, double rowDensity, double cellConductanceS) {
        double active = usedRows * rowDensity;
        double vr = cfg.readVoltageV();
        double other = wlSwitch1T1R != null
                ? wlSwitch1T1R.energyJ(numColMuxed, active, cfg.accessVoltageV(), vr)
                : wlSwitchCrossPoint.energyJ(numColMuxed, active, vr);
        if (mux != null) {
            other += mux.energyJ(numColMuxed, vr) + muxDecoder.energyJ(numColMuxed, cal.controlActivity());
        }
        double adc = array.wordLineEnergyJ(active) * numColMuxed;
        adc += usedCols * expectedConversionJ(usedRows, rowDensity, cellConductanceS);
        int groups = numColMuxed / cellsPerWeight;
        double accum = 0;
        if (shiftAddWeight != null) {
            accum += shiftAddWeight.energyJ((cellsPerWeight - 1) * groups, cal.adderActivity(), cal.dffActivity());
        }
        if (shiftAddInput != null) {
            accum += shiftAddInput.energyJ(groups, cal.adderActivity(), cal.dffActivity());
        }
        return new PhaseEnergy(adc, accum, other);
    }

    /** Expected conversion energy of one column: E over n ~ Binomial(usedRows, p) active cells, J. */
    public double expectedConversionJ(int usedRows, double p, double cellConductanceS) {
        double sum = 0;
        double[] pmf = binomialPmf(usedRows, p);
        for (int n = 0; n <= usedRows; n++) {
            if (pmf[n] < 1e-15) {
                continue;
            }
            double res = n == 0 ? Double.POSITIVE_INFINITY : 1 / (n * cellConductanceS);
            sum += pmf[n] * conversionJ(res);
        }
        return sum;
    }

    /** Energy of converting one column of the given read-path resistance, J. */
    public double conversionJ(double columnResOhm) {
        return mlsa != null ? mlsa.conversionEnergyJ(columnResOhm) : sar.conversionEnergyJ(columnResOhm);
    }

    static double[] binomialPmf(int n, double p) {
        double[] pmf = new double[n + 1];
        if (p <= 0) {
            pmf[0] = 1;
            return pmf;
        }
        if (p >= 1) {
            pmf[n] = 1;
            return pmf;
        }
        double logQ = Math.log1p(-p);
        double logP = Math.log(p);
        double logC = 0;
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                logC += Math.log(n - k + 1) - Math.log(k);
            }
            pmf[k] = Math.exp(logC + k * logP + (n - k) * logQ);
        }
        return pmf;
    }

    /**
     * Energy of one active row in one column-mux phase: the row's switch-matrix transmission gates and
     * its word line (access gates + wire) charged to Vdd, J.
     */
    public double rowDriveEnergyJ() {
        double vr = cfg.readVoltageV();
        double sw = wlSwitch1T1R != null
                ? wlSwitch1T1R.energyJ(1, 1, cfg.accessVoltageV(), vr) - wlSwitch1T1R.energyJ(1, 0, cfg.accessVoltageV(), vr)
                : wlSwitchCrossPoint.energyJ(1, 1, vr) - wlSwitchCrossPoint.energyJ(1, 0, vr);
        return sw + array.wordLineEnergyJ(1);
    }

    /**
     * Fixed energy of one read phase (one input bit-plane through all mux positions), independent of the
     * data: the switch-matrix scan chain, the column mux and its decoder, J.
     */
    public double phaseOverheadEnergyJ() {
        PhaseEnergy idle = phaseEnergy(cfg.rows(), 0, 0, 1e-9);
        return idle.otherJ();
    }

    /** Energy of one weight-slice shift-add step over all units, J (0 without weight slicing). */
    public double shiftAddWeightEnergyJ() {
        return shiftAddWeight == null ? 0 : shiftAddWeight.energyJ(1, cal.adderActivity(), cal.dffActivity());
    }

    /** Energy of one input-bit shift-add step over all units, J (0 for 1-bit inputs). */
    public double shiftAddInputEnergyJ() {
        return shiftAddInput == null ? 0 : shiftAddInput.energyJ(1, cal.adderActivity(), cal.dffActivity());
    }

    /** Leakage power of the sub-array's periphery, W. */
    public double leakageW() {
        double l = (wlSwitch1T1R != null ? wlSwitch1T1R.leakageW() : wlSwitchCrossPoint.leakageW()) + slSwitch.leakageW();
        l += muxDecoder != null ? muxDecoder.leakageW() : 0;
        l += encoder != null ? encoder.leakageW() : 0;
        l += shiftAddWeight != null ? shiftAddWeight.leakageW() : 0;
        l += shiftAddInput != null ? shiftAddInput.leakageW() : 0;
        return l;
    }
}
