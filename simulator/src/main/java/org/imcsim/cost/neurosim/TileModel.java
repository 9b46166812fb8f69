package org.imcsim.cost.neurosim;

import org.imcsim.cost.Calibration;
import org.imcsim.cost.Technology;
import org.imcsim.cost.circuit.AdderTree;
import org.imcsim.cost.circuit.Fit;
import org.imcsim.cost.circuit.HTree;
import org.imcsim.cost.circuit.RegisterFileBuffer;

/**
 * A tile as NeuroSim V1.4 composes it ({@code Tile.cpp}): PEs, an accumulation adder tree over the PE
 * rows (conventional) or over all PEs (novel, kernel-position mapping), register-file input and output
 * buffers built from cores of {@code tileBufferCoreBits} bits with {@code tileBufferWidth}-bit lines (or
 * one smaller buffer when the tile needs less), and an H-tree from the buffers to the PEs. Shared by the
 * analytic estimator and the event-level hardware model.
 *
 * <p>Buffer sizing (NeuroSim's rule): the input buffer holds one input vector per PE row,
 * {@code peRows × inputBits × rows} bits; the output buffer one partial sum per output column group,
 * {@code (nbpo + ⌈log2 n⌉) × peCols × cols/colsPerAdc} bits ({@code n} = PEs summed). The buffers'
 * bandwidth is their line width times the cores the H-tree can feed at once:
 * {@link #inputBandwidthBits()}, {@link #outputBandwidthBits()}.
 */
public final class TileModel {
    private final boolean novel;
    private final PeModel pe;
    private final int numPe;
    private final int peRows;
    private final int peCols;
    private final AdderTree accum;
    private final RegisterFileBuffer in;
    private final RegisterFileBuffer out;
    private final int inCores;
    private final int outCores;
    private final HTree htree;
    private final double areaM2;

    /**
     * @param pe     the PE
     * @param novel  true for a kernel-position tile: {@code numPe} PEs, one per kernel position, all summed
     * @param peRows PEs along the fan-in (novel: ⌈√numPe⌉)
     * @param peCols PEs along the outputs (novel: ⌈√numPe⌉)
     * @param numPe  PEs in the tile (conventional: peRows × peCols)
     * @param peSize side of a PE in cells (the H-tree's width is peCols × peSize, as NeuroSim)
     * @param nbso   bits of a sub-array output
     */
    private TileModel(PeModel pe, boolean novel, int peRows, int peCols, int numPe, double peSize, int nbso) {
        NeurosimConfig cfg = pe.subArray().config();
        Technology tech = cfg.technology();
        Calibration cal = cfg.calibration();
        SubArrayModel sub = pe.subArray();
        this.novel = novel;
        this.pe = pe;
        this.numPe = numPe;
        this.peRows = peRows;
        this.peCols = peCols;
        int coreBits = cfg.tileBufferCoreBits();
        int coreWidth = cfg.tileBufferWidth();
        int nbpo = nbso + pe.subRows();
        double colsPerPe = (double) cfg.cols() / sub.numColMuxed();
        double peSideM = pe.sideM();
        int summed = novel ? numPe : peRows;
        accum = new AdderTree(tech, summed, nbpo, (int) Math.ceil((novel ? 1 : peCols) * peSize / sub.numColMuxed()),
                Fit.width(peCols * peSideM));
        int lineOut = (int) ((nbpo + Math.ceil(log2(summed))) * (novel ? numPe : peCols));
        double outBits = (nbpo + Math.ceil(log2(summed))) * (novel ? numPe : peCols) * colsPerPe;
        outCores = (int) Math.ceil(outBits / coreBits);
        out = outBits < coreBits
                ? new RegisterFileBuffer(tech, (int) outBits, lineOut, cal.dffActivity(), cal.controlActivity(),
                Fit.width(peCols * peSideM))
                : new RegisterFileBuffer(tech, coreBits, coreWidth, cal.dffActivity(), cal.controlActivity(),
                Fit.width(peCols * peSideM));
        int lineIn = (novel ? numPe : peRows) * cfg.rows();
        double inBits = (double) lineIn * cfg.inputBits();
        inCores = (int) Math.ceil(inBits / coreBits);
        in = inBits < coreBits
                ? new RegisterFileBuffer(tech, (int) inBits, lineIn, cal.dffActivity(), cal.controlActivity(),
                Fit.height(peRows * peSideM))
                : new RegisterFileBuffer(tech, coreBits, coreWidth, cal.dffActivity(), cal.controlActivity(),
                Fit.height(peRows * peSideM));
        htree = new HTree(tech, peRows, peCols, (novel ? numPe : peCols) * peSize, peSideM, peSideM, 16,
                cfg.busDelayTolerance());
        areaM2 = pe.areaM2() * numPe + accum.areaM2() + in.areaM2() * inCores + out.areaM2() * outCores
                + htree.areaM2();
    }

    /** A conventional tile of {@code peRows × peCols} PEs of side {@code peSize} cells. */
    public static TileModel conventional(PeModel pe, int peRows, int peCols, double peSize, int nbso) {
        return new TileModel(pe, false, peRows, peCols, peRows * peCols, peSize, nbso);
    }

    /** A novel (kernel-position) tile of {@code numPe} PEs laid out ⌈√numPe⌉ a side. */
    public static TileModel novel(PeModel pe, int numPe, double peSize, int nbso) {
        int side = (int) Math.ceil(Math.sqrt(numPe));
        return new TileModel(pe, true, side, side, numPe, peSize, nbso);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public boolean novel() {
        return novel;
    }

    public PeModel pe() {
        return pe;
    }

    /** PEs in the tile. */
    public int numPe() {
        return numPe;
    }

    /** PE rows of the layout (novel: ⌈√numPe⌉). */
    public int peRows() {
        return peRows;
    }

    /** PE columns of the layout. */
    public int peCols() {
        return peCols;
    }

    /** The accumulation adder tree. */
    public AdderTree accumulation() {
        return accum;
    }

    /** One input-buffer core (or the whole buffer when smaller than a core). */
    public RegisterFileBuffer inputBuffer() {
        return in;
    }

    /** One output-buffer core. */
    public RegisterFileBuffer outputBuffer() {
        return out;
    }

    public int inputCores() {
        return inCores;
    }

    public int outputCores() {
        return outCores;
    }

    /** The H-tree from the buffers to the PEs. */
    public HTree htree() {
        return htree;
    }

    /** Bits per clock the input buffer moves: line width × the cores the H-tree reaches at once. */
    public double inputBandwidthBits() {
        return in.interfaceWidth() * Math.min(inCores, Math.ceil(htree.busWidth() / in.interfaceWidth()));
    }

    /** Bits per clock the output buffer moves. */
    public double outputBandwidthBits() {
        return out.interfaceWidth() * Math.min(outCores, Math.ceil(htree.busWidth() / out.interfaceWidth()));
    }

    /** Bits of one partial sum leaving the tile's accumulation (NeuroSim: stages + adder bits). */
    public int partialSumBits() {
        return accum.numStage() + accum.numAdderBit();
    }

    /** Total area, m². */
    public double areaM2() {
        return areaM2;
    }

    /** Side of the (square-laid-out) tile, m. */
    public double sideM() {
        return Math.sqrt(areaM2);
    }

    /** Array area, m². */
    public double arrayM2() {
        return pe.arrayM2() * numPe;
    }

    /** ADC area, m². */
    public double adcM2() {
        return pe.adcM2() * numPe;
    }

    /** Accumulation area (PEs and the tile tree), m². */
    public double accumM2() {
        return pe.accumM2() * numPe + accum.areaM2();
    }

    /** Interconnect area (the H-tree), m². */
    public double interconnectM2() {
        return htree.areaM2();
    }

    /** Register-file buffer area, m². */
    public double bufferM2() {
        return in.areaM2() * inCores + out.areaM2() * outCores;
    }

    /** Other area (PE periphery and DFF buffers, tile buffers), m². */
    public double otherM2() {
        return pe.otherM2() * numPe + bufferM2();
    }

    /** Drivers' area (level shifters, switch matrices, mux, mux decoder), m². */
    public double driversM2() {
        return pe.subArray().areaOtherM2() * pe.subRows() * pe.subCols() * numPe;
    }
}
