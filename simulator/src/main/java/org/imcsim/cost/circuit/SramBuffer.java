package org.imcsim.cost.circuit;

import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * An SRAM buffer of {@code numBit} 6T cells (10 F × 28 F each, NeuroSim V1.4's default above 22 nm)
 * in lines of {@code interfaceWidth} bits: line decoder, bit-line prechargers, voltage sense amps and
 * write drivers. One line per clock. Read energy per line: word line + bit-line precharge + sense amps
 * + decode; write adds the write drivers and the cell flips. After NeuroSim V1.4 {@code Buffer.cpp}
 * (SRAM mode) with {@code Precharger.cpp}, {@code SenseAmp.cpp} and {@code SRAMWriteDriver.cpp}.
 */
public final class SramBuffer {
    /** Cell height, F. */
    public static final double CELL_HEIGHT_F = 10;
    /** Cell width, F. */
    public static final double CELL_WIDTH_F = 28;

    private final Technology tech;
    private final int numBit;
    private final int interfaceWidth;
    private final int numRow;
    private final Decoder decoder;
    private final double areaM2;
    private final double readLineJ;
    private final double writeLineJ;
    private final double leakageW;

    /**
     * @param numBit          capacity, bits
     * @param interfaceWidth  bits per line
     * @param controlActivity ε for the decoder
     */
    public SramBuffer(Technology tech, int numBit, int interfaceWidth, double controlActivity) {
        this.tech = tech;
        this.numBit = numBit;
        this.interfaceWidth = interfaceWidth;
        this.numRow = (int) Math.ceil((double) numBit / interfaceWidth);
        double f = tech.featureSizeM();
        double vdd2 = tech.vddV() * tech.vddV();
        double h = Gates.cellHeight(tech);
        double lengthRow = interfaceWidth * CELL_WIDTH_F * f;
        double lengthCol = numRow * CELL_HEIGHT_F * f;
        double capRow = lengthRow * tech.wireCapFPerM() + 2 * Gates.gateCap(tech, f) * interfaceWidth;
        double capColWire = lengthCol * tech.wireCapFPerM();
        double capCell = Gates.drainCap(tech, f, false, h) * 2 + Gates.drainCap(tech, f, true, h)
                + Gates.gateCap(tech, f) + Gates.gateCap(tech, f);
        decoder = new Decoder(tech, (int) Math.ceil(Math.log(numRow) / Math.log(2)), false, 1, lengthCol);
        // Precharger: two 6F bit-line pull-ups and a 2F equaliser per column (PMOS, widened to the cell).
        double wPre = Gates.enlarge(tech, 0, 6 * f, h)[1];
        double wEq = Gates.enlarge(tech, 0, Gates.MIN_NMOS_SIZE_F * f, h)[1];
        Gates.Size sPre = Gates.gateArea(tech, Gates.Type.INV, 1, 0, wPre, h);
        Gates.Size sEq = Gates.gateArea(tech, Gates.Type.INV, 1, 0, wEq, h);
        double prechargeArea = (2 * sPre.heightM() + sEq.heightM()) * Math.max(sPre.widthM(), sEq.widthM()) * interfaceWidth;
        // Voltage sense amp per column at the column pitch.
        double pitch = lengthRow / interfaceWidth;
        Gates.Size sp = Gates.gateArea(tech, Gates.Type.INV, 1, 0, 7.5 * f, pitch);
        Gates.Size sn = Gates.gateArea(tech, Gates.Type.INV, 1, 3.75 * f, 0, pitch);
        Gates.Size si = Gates.gateArea(tech, Gates.Type.INV, 1, 0, 12.5 * f, pitch);
        Gates.Size se = Gates.gateArea(tech, Gates.Type.INV, 1, 5 * f, 0, pitch);
        double senseArea = (sp.areaM2() * 2 + sn.areaM2() * 2 + si.areaM2() + se.areaM2()) * interfaceWidth;
        double capSense = Gates.gateCap(tech, (7.5 + 3.75) * f) + Gates.drainCap(tech, 3.75 * f, false, pitch)
                + Gates.drainCap(tech, 7.5 * f, true, pitch) + Gates.drainCap(tech, 12.5 * f, true, pitch)
                + Gates.drainCap(tech, 9 * f, false, pitch);
        // Write driver: three minimum inverters (widened) per column.
        double[] inv = Gates.enlarge(tech, Gates.MIN_NMOS_SIZE_F * f, tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f, h);
        Gates.Size sInv = Gates.gateArea(tech, Gates.Type.INV, 1, inv[0], inv[1], h);
        Gates.Caps cInv = Gates.gateCaps(tech, Gates.Type.INV, 1, inv[0], inv[1], sInv.heightM());
        double writeDriverArea = sInv.areaM2() * 3 * interfaceWidth;
        areaM2 = lengthRow * lengthCol + decoder.areaM2() + prechargeArea + senseArea + writeDriverArea;
        double precharge = capColWire * vdd2 * interfaceWidth;
        double decode = decoder.energyJ(1, controlActivity);
        readLineJ = decode + precharge + capSense * vdd2 * interfaceWidth + capRow * vdd2;
        writeLineJ = decode + precharge + (cInv.outputF() + cInv.inputF()) * vdd2 * interfaceWidth
                + capCell * vdd2 * interfaceWidth + capRow * vdd2;
        leakageW = decoder.leakageW()
                + 2 * Gates.leakageA(tech, Gates.Type.INV, 1, 0, wPre) * tech.vddV() * interfaceWidth
                + Gates.leakageA(tech, Gates.Type.INV, 1, 5 * f, 0) * tech.vddV() * interfaceWidth
                + Gates.leakageA(tech, Gates.Type.INV, 1, inv[0], inv[1]) * tech.vddV() * 3 * interfaceWidth
                // 6T cells: two inverters each
                + Gates.leakageA(tech, Gates.Type.INV, 1, f, f) * tech.vddV() * 2 * numBit;
    }

    public int numBit() {
        return numBit;
    }

    public int interfaceWidth() {
        return interfaceWidth;
    }

    public double areaM2() {
        return areaM2;
    }

    /** Energy of reading {@code bits} bits (whole lines), J. */
    public double readEnergyJ(double bits) {
        return readLineJ * bits / interfaceWidth;
    }

    /** Energy of writing {@code bits} bits (whole lines), J. */
    public double writeEnergyJ(double bits) {
        return writeLineJ * bits / interfaceWidth;
    }

    /** Leakage (cells and periphery), W. */
    public double leakageW() {
        return leakageW;
    }
}
