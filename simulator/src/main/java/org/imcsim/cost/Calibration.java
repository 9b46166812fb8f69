package org.imcsim.cost;

/**
 * Silicon-calibration factors of NeuroSim V1.4 ({@code Param.cpp}, "validated" mode), fitted by its
 * authors against post-layout and measured data: they are part of the published model, not tuned here.
 *
 * @param levelShifterWiringArea  α: level-shifter area growth from wiring (1.44)
 * @param sensingCycleFactor      β: sensing-cycle stretch from the clock tree and margins (1.4)
 * @param dffActivity             γ: switching activity of DFFs in shift-add and accumulators (0.5)
 * @param adderActivity           δ: switching activity of adders (0.15)
 * @param controlActivity         ε: switching activity of control/decoder logic (0.05)
 * @param postLayoutEnergyFactor  ζ: post-layout energy increase applied to TOPS/W (1.22)
 */
public record Calibration(double levelShifterWiringArea, double sensingCycleFactor, double dffActivity,
                          double adderActivity, double controlActivity, double postLayoutEnergyFactor) {

    /** NeuroSim V1.4's validated factors. */
    public static final Calibration NEUROSIM = new Calibration(1.44, 1.4, 0.5, 0.15, 0.05, 1.22);

    /** No calibration: every factor 1 (pre-layout schematic estimates). */
    public static final Calibration NONE = new Calibration(1, 1, 1, 1, 1, 1);

    /** Whether this is the uncalibrated set (NeuroSim changes a few layouts too when calibrated). */
    public boolean isNone() {
        return equals(NONE);
    }
}
