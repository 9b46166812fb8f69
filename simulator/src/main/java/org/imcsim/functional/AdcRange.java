package org.imcsim.functional;

/** How the ADC's input range is set (MODEL.md §3). */
public enum AdcRange {
    /** [0, rows used × (L−1) × (2^dacBits−1)] per crossbar: never clips, coarse steps. */
    FULL,
    /** [0, a stated percentile of the partial sums seen on calibration images], per layer: clips above. */
    CALIBRATED
}
