package org.imcsim.cost.circuit;

import org.imcsim.cost.Technology;

/**
 * NeuroSim's chip-level X-Y bus: a horizontal bus across the tile columns carries inputs to a layer's
 * tiles and a vertical bus down the tile rows carries outputs back, each a repeated wire widened for
 * its length. Area counts both buses' wiring tracks (folded); latency and energy use the distance from
 * the global buffer (mid-edge) to the middle of the tile array. After NeuroSim V1.4 {@code XYBus.cpp}.
 */
public final class XyBus {
    private final Technology tech;
    private final RepeatedWire wire;
    private final int numRow;
    private final int numCol;
    private final double busWidth;
    private final double areaM2;
    private final double resHOhmPerM;
    private final double resVOhmPerM;

    /**
     * @param numRow    tile rows
     * @param numCol    tile columns
     * @param busWidth  wires per bus
     * @param tileHeightM largest tile height, m
     * @param tileWidthM  largest tile width, m
     * @param foldRatio wiring folding (NeuroSim: 4)
     * @param delayTolerance repeater trade-off
     */
    public XyBus(Technology tech, int numRow, int numCol, double busWidth, double tileHeightM, double tileWidthM,
                 double foldRatio, double delayTolerance) {
        this.tech = tech;
        this.wire = new RepeatedWire(tech, delayTolerance, true);
        this.numRow = numRow;
        this.numCol = numCol;
        this.busWidth = busWidth;
        double lenV = tileHeightM * numRow;
        double lenH = tileWidthM * numCol;
        resVOhmPerM = tech.globalWireResistanceOhmPerM(lenV);
        resHOhmPerM = tech.globalWireResistanceOhmPerM(lenH);
        double widV = busWidth * wire.repeaterWidthM() / foldRatio;
        double widH = busWidth * wire.repeaterHeightM() / foldRatio;
        areaM2 = widV * lenV + widH * lenH;
    }

    public double busWidth() {
        return busWidth;
    }

    public double areaM2() {
        return areaM2;
    }

    /** Horizontal (input) run to the array middle, m. */
    double lengthH(double tileWidthM) {
        return tileWidthM * Math.ceil(Math.ceil((double) numCol) / 2);
    }

    /**
     * Vertical (output) run from the array middle row ({@code ⌈numRow/2⌉}, NeuroSim's {@code y_init}) to the
     * last row, m: {@code tileHeight · (numRow − ⌈numRow/2⌉ − 1)}. NeuroSim's formula goes negative for a single
     * tile row (−1 tile heights, a negative latency and energy); there the outputs need no vertical run at all,
     * so the run is at least 0 (identical to NeuroSim for two rows or more).
     */
    double lengthV(double tileHeightM) {
        return tileHeightM * Math.max(0, numRow - Math.ceil(numRow / 2.0) - 1);
    }

    /**
     * Latency in clock cycles: whole cycles per input transfer × input transfers + the same for outputs.
     */
    public double latencyCycles(double tileHeightM, double tileWidthM, double numInputTransfers,
                                double numOutputTransfers, double clockPeriodS) {
        double lh = lengthH(tileWidthM);
        double lv = lengthV(tileHeightM);
        double in = lh * (wire.repeated(lh) ? wire.delayPerMS(resHOhmPerM) : wire.bareDelayPerMS(resHOhmPerM));
        double out = lv * (wire.repeated(lv) ? wire.delayPerMS(resVOhmPerM) : wire.bareDelayPerMS(resVOhmPerM));
        return Math.ceil(in / clockPeriodS) * numInputTransfers + Math.ceil(out / clockPeriodS) * numOutputTransfers;
    }

    /** Energy of moving input and output bits (already weighted by toggle rates), J. */
    public double energyJ(double tileHeightM, double tileWidthM, double inputBits, double outputBits) {
        double lh = lengthH(tileWidthM);
        double lv = lengthV(tileHeightM);
        double eIn = lh * (wire.repeated(lh) ? wire.energyPerMJ() : wire.bareEnergyPerMJ());
        double eOut = lv * (wire.repeated(lv) ? wire.energyPerMJ() : wire.bareEnergyPerMJ());
        return eIn * inputBits + eOut * outputBits;
    }

    /** Leakage of the repeaters on both runs, W. */
    public double leakageW(double tileHeightM, double tileWidthM) {
        return wire.leakagePerMW() * (lengthH(tileWidthM) + lengthV(tileHeightM)) * busWidth;
    }
}
