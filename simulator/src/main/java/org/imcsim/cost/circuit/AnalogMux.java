package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * The analog column multiplexer that lets {@code numSelection} columns share one ADC: a transmission
 * gate per column sized to a quarter of the selected column's resistance. Latency 2.3·RC (0→90 %);
 * energy per selection: the TG gates of the selected column in every group at Vdd plus two TG drains
 * at the read voltage. After NeuroSim V1.4 {@code Mux.cpp} (analog mode).
 */
public final class AnalogMux {
    private final Technology tech;
    private final int numInput;
    private final double resTgOhm;
    private final double heightM;
    private final double widthM;
    private final double naturalHeightM;
    private final double capTgGateNF;
    private final double capTgGatePF;
    private final double capTgDrainF;

    /**
     * @param numInput     mux groups (one per ADC)
     * @param numSelection columns per group
     * @param columnResOhm resistance of the selected column path the TG is sized against
     * @param arrayWidthM  width of the array the mux row is laid out under, m
     * @param overrideHeightM height the row is stretched to (the mux decoder's), m; 0 keeps the natural height
     */
    public AnalogMux(Technology tech, int numInput, int numSelection, double columnResOhm, double arrayWidthM,
                     double overrideHeightM) {
        this.tech = tech;
        this.numInput = numInput;
        double f = tech.featureSizeM();
        double res = columnResOhm * 0.25; // IR_DROP_TOLERANCE
        double wN = Math.max(Gates.onResistanceLinear(tech, f, false) * f / (res * 2), f);
        double wP = Math.max(Gates.onResistanceLinear(tech, f, true) * f / (res * 2), f);
        resTgOhm = 1 / (1 / Gates.onResistanceLinear(tech, wN, false) + 1 / Gates.onResistanceLinear(tech, wP, true));
        int numTg = numInput * numSelection;
        double minCellWidth = 2 * Gates.CPP_F * f;
        int perRow = (int) (arrayWidthM / minCellWidth);
        int rows = (int) Math.ceil((double) numTg / perRow);
        perRow = (int) Math.ceil((double) numTg / rows);
        double tgWidth = arrayWidthM / perRow;
        int numFold = (int) (tgWidth / (0.5 * minCellWidth)) - 1;
        Gates.Size folded = Gates.passGateArea(tech, wN, wP, numFold);
        naturalHeightM = folded.heightM() * rows;
        widthM = arrayWidthM;
        heightM = overrideHeightM > 0 ? overrideHeightM : naturalHeightM;
        double capHeight = overrideHeightM > 0 ? Gates.passGateArea(tech, wN, wP, 1).heightM() : folded.heightM();
        capTgGateNF = Gates.gateCap(tech, wN);
        capTgGatePF = Gates.gateCap(tech, wP);
        capTgDrainF = Gates.gateCaps(tech, Gates.Type.INV, 1, wN, wP, capHeight).outputF();
    }

    /** Height before stretching to the decoder, m. */
    public double naturalHeightM() {
        return naturalHeightM;
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

    /** Gate capacitance of all NMOS (or PMOS) TG halves on one select line, F. */
    public double selectLoadNF() {
        return capTgGateNF * numInput;
    }

    /** @see #selectLoadNF() */
    public double selectLoadPF() {
        return capTgGatePF * numInput;
    }

    /** Settling time of a selected column, s. */
    public double latencyS(double capLoadF) {
        return 2.3 * resTgOhm * (capTgDrainF + 0.5 * capTgGateNF + 0.5 * capTgGatePF + capLoadF);
    }

    /** Energy of {@code numSelect} selections, J. */
    public double energyJ(double numSelect, double readVoltageV) {
        return (capTgGateNF * numInput * tech.vddV() * tech.vddV()
                + capTgDrainF * 2 * numInput * readVoltageV * readVoltageV) * numSelect;
    }
}
