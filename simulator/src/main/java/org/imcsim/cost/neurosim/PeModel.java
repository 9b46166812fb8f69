package org.imcsim.cost.neurosim;

import org.imcsim.cost.Technology;
import org.imcsim.cost.circuit.AdderTree;
import org.imcsim.cost.circuit.Dff;
import org.imcsim.cost.circuit.Fit;
import org.imcsim.cost.circuit.LocalBus;

/**
 * A processing element as NeuroSim V1.4 composes it ({@code ProcessingUnit.cpp}): {@code subRows ×
 * subCols} sub-arrays, an adder tree summing the sub-array rows' partial sums, an input DFF buffer of
 * {@code inputBits × rows} bits (one whole-buffer pass per clock), an output DFF buffer, and the
 * horizontal input / vertical output buses over the sub-arrays. Shared by the analytic estimator and
 * the event-level hardware model, so both cost the same PE.
 */
public final class PeModel {
    private final SubArrayModel sub;
    private final int subRows;
    private final int subCols;
    private final AdderTree tree;
    private final Dff bufIn;
    private final Dff bufOut;
    private final LocalBus busIn;
    private final LocalBus busOut;
    private final double areaM2;

    /**
     * @param sub     the sub-array
     * @param subRows sub-arrays along the fan-in
     * @param subCols sub-arrays along the outputs
     * @param nbso    bits of a sub-array output (ADC bits + input bits + weight-slice shifts + 1)
     */
    public PeModel(SubArrayModel sub, int subRows, int subCols, int nbso) {
        NeurosimConfig cfg = sub.config();
        Technology tech = cfg.technology();
        this.sub = sub;
        this.subRows = subRows;
        this.subCols = subCols;
        int numColMuxed = sub.numColMuxed();
        tree = new AdderTree(tech, subRows, nbso, (int) Math.ceil((double) subCols * cfg.cols() / numColMuxed),
                Fit.width(sub.widthM()));
        bufIn = new Dff(tech, cfg.inputBits() * cfg.rows(), Fit.height(subRows * sub.heightM()));
        bufOut = new Dff(tech, (cfg.cols() / numColMuxed) * (nbso + tree.numStage()), Fit.width(subCols * sub.widthM()));
        busIn = new LocalBus(tech, true, subRows, subCols, cfg.rows(), sub.heightM(), sub.widthM(), 0);
        busOut = new LocalBus(tech, false, subRows, subCols, cfg.cols(), sub.heightM(), sub.widthM(), 0);
        areaM2 = sub.areaM2() * subRows * subCols + tree.areaM2() + bufIn.areaM2() + bufOut.areaM2();
    }

    /** NeuroSim's square PE of side {@code peSize} cells: ⌈√(⌈peSize/rows⌉·⌈peSize/cols⌉)⌉ sub-arrays a side. */
    public static PeModel square(SubArrayModel sub, double peSize, int nbso) {
        NeurosimConfig cfg = sub.config();
        int numSub = (int) (Math.ceil(peSize / cfg.rows()) * Math.ceil(peSize / cfg.cols()));
        int side = (int) Math.ceil(Math.sqrt(numSub));
        return new PeModel(sub, side, side, nbso);
    }

    public SubArrayModel subArray() {
        return sub;
    }

    public int subRows() {
        return subRows;
    }

    public int subCols() {
        return subCols;
    }

    /** The adder tree over the sub-array rows. */
    public AdderTree tree() {
        return tree;
    }

    /** Input DFF buffer. */
    public Dff bufferIn() {
        return bufIn;
    }

    /** Output DFF buffer. */
    public Dff bufferOut() {
        return bufOut;
    }

    /** Input bus over the sub-arrays. */
    public LocalBus busIn() {
        return busIn;
    }

    /** Output bus over the sub-arrays. */
    public LocalBus busOut() {
        return busOut;
    }

    /** Total area, m². */
    public double areaM2() {
        return areaM2;
    }

    /** Side of the (square-laid-out) PE, m. */
    public double sideM() {
        return Math.sqrt(areaM2);
    }

    /** ADC area, m². */
    public double adcM2() {
        return sub.areaAdcM2() * subRows * subCols;
    }

    /** Accumulation area (sub-array shift-adds and the PE adder tree), m². */
    public double accumM2() {
        return sub.areaAccumM2() * subRows * subCols + tree.areaM2();
    }

    /** Other area (sub-array periphery and the DFF buffers), m². */
    public double otherM2() {
        return sub.areaOtherM2() * subRows * subCols + bufIn.areaM2() + bufOut.areaM2();
    }

    /** Array area, m². */
    public double arrayM2() {
        return sub.areaArrayM2() * subRows * subCols;
    }

    /** DFF buffer area, m². */
    public double bufferM2() {
        return bufIn.areaM2() + bufOut.areaM2();
    }

    /** Leakage of the sub-arrays, the tree (with {@code rowBlocks} inputs in use), buffers and buses, W. */
    public double leakageW(int rowBlocks) {
        double outBusWidth = subRows * busOut.busWidth();
        return sub.leakageW() * subRows * subCols + tree.leakageW(rowBlocks) + bufIn.leakageW() + bufOut.leakageW()
                + busIn.leakageW(busIn.busWidth()) + busOut.leakageW(outBusWidth);
    }
}
