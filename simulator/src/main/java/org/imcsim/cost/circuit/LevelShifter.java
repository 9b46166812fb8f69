package org.imcsim.cost.circuit;

import org.imcsim.cost.Calibration;
import org.imcsim.cost.Gates;
import org.imcsim.cost.Technology;

/**
 * Write-voltage level shifters on every WL/BL/SL of an eNVM array (needed when the write voltage
 * exceeds ~1.5 V). Each shifter: a low-voltage input inverter, a cross-coupled latch and a high-voltage
 * pull-up; calibrated layouts use thick-oxide I/O devices (2× width, 2.5× cell height, 270 nm gate) and
 * a wiring factor α. Only area matters for inference (the shifters are idle during reads).
 * After NeuroSim V1.4 {@code LevelShifter.cpp}.
 */
public final class LevelShifter {
    private final double areaM2;
    private final double heightM;
    private final double widthM;

    /** @param numOutput lines driven */
    public LevelShifter(Technology tech, int numOutput, Calibration cal, Fit fit) {
        double f = tech.featureSizeM();
        double wN = Gates.MIN_NMOS_SIZE_F * f;
        double wP = tech.pnSizeRatio() * Gates.MIN_NMOS_SIZE_F * f;
        double h = Gates.cellHeight(tech);
        double area;
        if (!cal.isNone()) {
            Gates.Size low = Gates.gateArea(tech, Gates.Type.INV, 1, wN * 30, wP * 40, h * 2.5);
            Gates.Size latch = Gates.gateArea(tech, Gates.Type.INV, 1, wN * 64, wP * 20, h * 2.5);
            Gates.Size high = Gates.gateArea(tech, Gates.Type.INV, 1, wN * 128, wP * 164, h * 2.5);
            double hLs = Math.max(Math.max(low.heightM(), latch.heightM()), high.heightM());
            double wLs = low.widthM() + (2 * latch.widthM() + high.widthM()) * 2.5;
            area = hLs * wLs * numOutput * cal.levelShifterWiringArea();
        } else {
            Gates.Size low = Gates.gateArea(tech, Gates.Type.INV, 1, wN * 15, wP * 20, h);
            Gates.Size latch = Gates.gateArea(tech, Gates.Type.INV, 1, wN * 32, wP * 10, h);
            Gates.Size high = Gates.gateArea(tech, Gates.Type.INV, 1, wN * 64, wP * 82, h);
            double hLs = Math.max(Math.max(low.heightM(), latch.heightM()), high.heightM());
            area = hLs * (low.widthM() + 2 * latch.widthM() + high.widthM()) * numOutput;
        }
        this.areaM2 = area;
        if (fit.hasHeight()) {
            heightM = fit.heightM();
            widthM = area / heightM;
        } else if (fit.hasWidth()) {
            widthM = fit.widthM();
            heightM = area / widthM;
        } else {
            throw new IllegalArgumentException("level shifter needs a height or width to fit");
        }
    }

    public double heightM() {
        return heightM;
    }

    public double widthM() {
        return widthM;
    }

    public double areaM2() {
        return areaM2;
    }
}
