package org.imcsim.cost.circuit;

import org.imcsim.cost.Technology;

/**
 * A register-file buffer: {@code numBit} DFFs organised in lines of {@code interfaceWidth} bits with a
 * line decoder; one line read or written per clock. Energy per bit = (decoder + whole-bank DFF energy
 * at activity γ) / capacity. After NeuroSim V1.4 {@code Buffer.cpp} (DFF mode).
 */
public final class RegisterFileBuffer {
    private final int numBit;
    private final int interfaceWidth;
    private final Dff dff;
    private final Decoder decoder;
    private final double heightM;
    private final double widthM;
    private final double readEnergyPerBitJ;
    private final double writeEnergyPerBitJ;

    /**
     * @param numBit          capacity, bits
     * @param interfaceWidth  bits per line (port width)
     * @param dffActivity     γ
     * @param controlActivity ε
     * @param fit             a height or width to lay the buffer along
     */
    public RegisterFileBuffer(Technology tech, int numBit, int interfaceWidth, double dffActivity,
                              double controlActivity, Fit fit) {
        this.numBit = numBit;
        this.interfaceWidth = interfaceWidth;
        int lines = (int) Math.ceil((double) numBit / interfaceWidth);
        this.dff = new Dff(tech, numBit, Fit.FREE);
        int addr = (int) Math.ceil(Math.log(lines) / Math.log(2));
        this.decoder = new Decoder(tech, addr, false, 1, dff.cellHeightM() * lines);
        double area = dff.areaM2() + decoder.areaM2();
        if (fit.hasHeight()) {
            heightM = fit.heightM();
            widthM = area / heightM;
        } else if (fit.hasWidth()) {
            widthM = fit.widthM();
            heightM = area / widthM;
        } else {
            throw new IllegalArgumentException("buffer needs a height or width to fit");
        }
        // NeuroSim decodes numBit/interface lines (integer division) per whole-buffer pass.
        double decodes = numBit / interfaceWidth;
        double whole = decoder.energyJ(decodes, controlActivity) + dff.energyJ(1, numBit, dffActivity);
        readEnergyPerBitJ = whole / numBit;
        writeEnergyPerBitJ = whole / numBit;
    }

    public int numBit() {
        return numBit;
    }

    public int interfaceWidth() {
        return interfaceWidth;
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

    /** Energy of reading {@code bits} bits, J. */
    public double readEnergyJ(double bits) {
        return readEnergyPerBitJ * bits;
    }

    /** Energy of writing {@code bits} bits, J. */
    public double writeEnergyJ(double bits) {
        return writeEnergyPerBitJ * bits;
    }

    /** Leakage, W. */
    public double leakageW() {
        return dff.leakageW() + decoder.leakageW();
    }
}
