package org.imcsim.cost.circuit;

import org.imcsim.cost.Technology;

/**
 * The bus inside a processing element that broadcasts inputs along a row of sub-arrays (horizontal)
 * or collects outputs down a column of sub-arrays (vertical): repeated minimum-width wires across
 * (n − 1) sub-array pitches. It is routed over the sub-arrays (no area). Energy per bit transfer is
 * scaled by the data toggle rate. After NeuroSim V1.4 {@code Bus.cpp}.
 */
public final class LocalBus {
    private final RepeatedWire wire;
    private final double lengthM;
    private final double busWidth;
    private final Technology tech;

    /**
     * @param horizontal     true: spans the sub-array columns; false: the rows
     * @param numRow         sub-array rows in the PE
     * @param numCol         sub-array columns in the PE
     * @param busWidth       wires in the bus
     * @param unitHeightM    sub-array height, m
     * @param unitWidthM     sub-array width, m
     * @param delayTolerance repeater trade-off (0 for the PE bus)
     */
    public LocalBus(Technology tech, boolean horizontal, int numRow, int numCol, double busWidth, double unitHeightM,
                    double unitWidthM, double delayTolerance) {
        this.tech = tech;
        this.wire = new RepeatedWire(tech, delayTolerance, false);
        this.lengthM = horizontal ? unitWidthM * (numCol - 1) : unitHeightM * (numRow - 1);
        this.busWidth = busWidth;
    }

    public double busWidth() {
        return busWidth;
    }

    /** Wire length, m. */
    public double lengthM() {
        return lengthM;
    }

    /** Energy of moving {@code numBits} bits with the given toggle rate, J. */
    public double energyJ(double numBits, double toggleRate) {
        double perM = wire.repeated(lengthM) ? wire.energyPerMJ() : wire.bareEnergyPerMJ();
        return lengthM * perM * toggleRate * numBits;
    }

    /** Latency of one transfer, s. */
    public double latencyS() {
        return lengthM * (wire.repeated(lengthM) ? wire.delayPerMS(tech.wireResistanceOhmPerM())
                : wire.bareDelayPerMS(tech.wireResistanceOhmPerM()));
    }

    /** Leakage of {@code numBitAccess} wires, W. */
    public double leakageW(double numBitAccess) {
        return wire.leakagePerMW() * lengthM * numBitAccess;
    }
}
