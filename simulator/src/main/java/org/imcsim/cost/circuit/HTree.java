package org.imcsim.cost.circuit;

import org.imcsim.cost.Technology;

/**
 * An H-tree interconnect over an n × n grid of units (PEs in a tile, or tiles in a chip): 2·⌈log2 n⌉+1
 * stages of repeated wires halving in length toward the leaves, wider (lower-resistance) wires on the
 * long upper stages, plus a main bus from the root to the edge. Area counts the wiring tracks (folded
 * by {@code foldRatio}); latency and energy follow one root-to-leaf path per transfer.
 * After NeuroSim V1.4 {@code HTree.cpp} (root-leaf communication).
 */
public final class HTree {
    private final Technology tech;
    private final RepeatedWire wire;
    private final int numStage;
    private final int side;
    private final int xCenter;
    private final double busWidth;
    private final double unitHeightM;
    private final double unitWidthM;
    private final double areaM2;
    private final double totalWireLengthM;

    /**
     * @param numRow         unit rows
     * @param numCol         unit columns
     * @param busWidth       wires in the trunk
     * @param unitHeightM    unit height, m
     * @param unitWidthM     unit width, m
     * @param foldRatio      wiring-track folding (NeuroSim: 16 inside tiles, 4 at chip level)
     * @param delayTolerance repeater trade-off
     */
    public HTree(Technology tech, int numRow, int numCol, double busWidth, double unitHeightM, double unitWidthM,
                 double foldRatio, double delayTolerance) {
        this.tech = tech;
        this.wire = new RepeatedWire(tech, delayTolerance, true);
        this.busWidth = busWidth;
        this.unitHeightM = unitHeightM;
        this.unitWidthM = unitWidthM;
        this.numStage = 2 * (int) Math.ceil(Math.log(Math.max(numRow, numCol)) / Math.log(2)) + 1;
        this.side = 1 << ((numStage - 1) / 2);
        int xc = side / 2;
        if (side - xc < 1) {
            xc -= 1;
        }
        this.xCenter = xc;
        double lenV = unitHeightM * side / 2;
        double lenH = unitWidthM * side / 2;
        double widV = 0;
        double widH = 0;
        double area = 0;
        double total = 0;
        for (int i = 1; i < (numStage - 1) / 2; i++) {
            lenV /= 2;
            widV += busWidth * wire.repeaterWidthM() / foldRatio;
            area += widV * lenV / 2;
            lenH /= 2;
            widH += busWidth * wire.repeaterHeightM() / foldRatio;
            area += widH * lenH / 2;
            total += lenV + lenH;
        }
        double main = Math.min(side - xCenter, xCenter) * unitWidthM;
        total += main;
        area += busWidth * wire.repeaterHeightM() / foldRatio * main;
        this.areaM2 = area;
        this.totalWireLengthM = total;
    }

    public double busWidth() {
        return busWidth;
    }

    public double areaM2() {
        return areaM2;
    }

    /** Root-to-leaf latency of one transfer, s. */
    public double latencyS() {
        double lenV = unitHeightM * side;
        double lenH = unitWidthM * side;
        double latency = 0;
        double unitRep = 0;
        for (int i = 0; i < (numStage - 1) / 2; i++) {
            lenV /= 2;
            double rV = tech.globalWireResistanceOhmPerM(lenV);
            unitRep = wire.delayPerMS(rV);
            latency += lenV * (wire.repeated(lenV) ? unitRep : wire.bareDelayPerMS(rV));
            lenH /= 2;
            double rH = tech.globalWireResistanceOhmPerM(lenH);
            unitRep = wire.delayPerMS(rH);
            latency += lenH * (wire.repeated(lenH) ? unitRep : wire.bareDelayPerMS(rH));
        }
        if (unitRep == 0) {
            unitRep = wire.delayPerMS(tech.globalWireResistanceOhmPerM(unitWidthM));
        }
        return latency + Math.min(side - xCenter, xCenter) * unitWidthM * unitRep;
    }

    /** Energy of {@code numBits} bit transfers root-to-leaf (each already weighted by its toggle rate), J. */
    public double energyJ(double numBits) {
        double lenV = unitHeightM * side / 2;
        double lenH = unitWidthM * side / 2;
        double e = 0;
        for (int i = 0; i < (numStage - 1) / 2; i++) {
            lenV /= 2;
            e += lenV * (wire.repeated(lenV) ? wire.energyPerMJ() : wire.bareEnergyPerMJ());
            lenH /= 2;
            e += lenH * (wire.repeated(lenH) ? wire.energyPerMJ() : wire.bareEnergyPerMJ());
        }
        e += Math.min(side - xCenter, xCenter) * unitWidthM * wire.energyPerMJ();
        return e * numBits;
    }

    /** Leakage of the repeaters on the tree for {@code numBitAccess} wires, W. */
    public double leakageW(double numBitAccess) {
        return wire.leakagePerMW() * totalWireLengthM * numBitAccess;
    }
}
