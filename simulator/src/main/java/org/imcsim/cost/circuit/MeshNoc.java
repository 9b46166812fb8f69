package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * A 2-D mesh network-on-chip: one input-queued router per tile with {@code ports} ports (4 neighbours +
 * local), each port a FIFO of {@code bufferDepth} flits of {@code flitBits} DFFs, a ports × ports
 * crossbar of transmission gates per bit and a round-robin arbiter; links are repeated wires one tile
 * pitch long. The router decomposition (buffer write/read, crossbar traversal, arbitration, link) follows
 * ORION 2.0 (Kahng et al., DATE 2009) and the canonical router of Dally &amp; Towles (2004); every
 * circuit figure is built from the same gate, DFF and repeated-wire models as the NeuroSim-derived
 * blocks, so it scales with the node the same way.
 */
public final class MeshNoc {
    /** Router pipeline depth (buffer write + route/switch allocation, switch traversal), cycles. */
    public static final int ROUTER_PIPELINE_CYCLES = 2;

    private final Technology tech;
    private final int flitBits;
    private final int ports;
    private final Dff buffers;
    private final Dff slot;
    private final RepeatedWire wire;
    private final double linkLengthM;
    private final double routerAreaM2;
    private final double crossbarFlitJ;
    private final double arbitrationJ;
    private final Dff arbiter;

    /**
     * @param flitBits    link and flit width, bits
     * @param bufferDepth flits buffered per input port
     * @param ports       router ports (5 for a 2-D mesh)
     * @param tilePitchM  distance between neighbouring routers, m
     */
    public MeshNoc(Technology tech, int flitBits, int bufferDepth, int ports, double tilePitchM) {
        if (flitBits <= 0 || bufferDepth <= 0 || ports < 2) {
            throw new IllegalArgumentException("mesh router needs flitBits, bufferDepth > 0 and >= 2 ports");
        }
        this.tech = tech;
        this.flitBits = flitBits;
        this.ports = ports;
        double f = tech.featureSizeM();
        double h = Gates.cellHeight(tech);
        buffers = new Dff(tech, flitBits * bufferDepth * ports, Fit.FREE);
        slot = new Dff(tech, flitBits, Fit.FREE);
        arbiter = new Dff(tech, ports * ports, Fit.FREE);
        double[] tg = Gates.enlarge(tech, Gates.MIN_NMOS_SIZE_F * f, tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f, h);
        Gates.Size sTg = Gates.gateArea(tech, Gates.Type.INV, 1, tg[0], tg[1], h);
        Gates.Caps cTg = Gates.gateCaps(tech, Gates.Type.INV, 1, tg[0], tg[1], sTg.heightM());
        double crossbarArea = sTg.areaM2() * ports * ports * flitBits;
        routerAreaM2 = buffers.areaM2() + crossbarArea + arbiter.areaM2();
        // One flit through the crossbar: one TG gate pair per bit switches, its output row carries `ports` drains.
        double vdd2 = tech.vddV() * tech.vddV();
        crossbarFlitJ = (cTg.inputF() + cTg.outputF() * ports) * vdd2 * flitBits;
        arbitrationJ = arbiter.energyJ(1, ports, 1);
        wire = new RepeatedWire(tech, 0, false);
        linkLengthM = tilePitchM;
    }

    /** Area of one router, m² (links are routed over the tiles). */
    public double routerAreaM2() {
        return routerAreaM2;
    }

    /**
     * Energy of one flit crossing one router (buffer write and read of the flit's DFFs, crossbar
     * traversal, arbitration), J, at data activity {@code activity}.
     */
    public double routerFlitEnergyJ(double activity) {
        // The addressed FIFO slot is clocked on write and read (clock-gated slots).
        double bufferRw = 2 * slot.energyJ(1, flitBits, activity);
        return bufferRw + crossbarFlitJ * activity + arbitrationJ;
    }

    /** Energy of one flit on one link with the given toggle rate, J. */
    public double linkFlitEnergyJ(double toggleRate) {
        return linkLengthM * wire.energyPerMJ() * toggleRate * flitBits;
    }

    /** Link traversal time, s. */
    public double linkLatencyS() {
        return linkLengthM * wire.delayPerMS(tech.wireResistanceOhmPerM());
    }

    /** Router leakage (buffers and arbiter), W. */
    public double routerLeakageW() {
        return buffers.leakageW() + arbiter.leakageW();
    }

    /** Link repeater leakage, W. */
    public double linkLeakageW() {
        return wire.leakagePerMW() * linkLengthM * flitBits;
    }

    public int flitBits() {
        return flitBits;
    }
}
