package org.imcsim.functional;

import java.util.Objects;
import org.imcsim.mapping.MappingSpec;

/**
 * What the functional simulation needs beyond the mapping: the ADC and the calibration policy.
 *
 * @param mapping            quantization, slicing and tiling
 * @param adcBits            ADC resolution
 * @param adcRange           full or calibrated range
 * @param adcPercentile      percentile of calibration partial sums that sets hi (calibrated range), in (0, 100]
 * @param inputPercentile    percentile of |x| on calibration images that sets s_x (100 = max), in (0, 100]
 * @param calibrationImages  images used for activation and ADC calibration (taken from the start of the dataset)
 * @param adcNoiseLsb        input-referred Gaussian noise of each conversion, standard deviation in LSB (≥ 0)
 * @param adcOffsetLsb       input-referred offset of each conversion, in LSB
 */
public record FunctionalSpec(MappingSpec mapping, int adcBits, AdcRange adcRange, double adcPercentile,
                             double inputPercentile, int calibrationImages, double adcNoiseLsb, double adcOffsetLsb) {

    /** A spec with a noiseless, offset-free ADC. */
    public FunctionalSpec(MappingSpec mapping, int adcBits, AdcRange adcRange, double adcPercentile,
                          double inputPercentile, int calibrationImages) {
        this(mapping, adcBits, adcRange, adcPercentile, inputPercentile, calibrationImages, 0, 0);
    }

    public FunctionalSpec {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(adcRange, "adcRange");
        if (adcBits < 1 || adcBits > 24) {
            throw new IllegalArgumentException("adcBits must be in 1..24, got " + adcBits);
        }
        if (!(adcPercentile > 0 && adcPercentile <= 100)) {
            throw new IllegalArgumentException("adcPercentile must be in (0, 100], got " + adcPercentile);
        }
        if (!(inputPercentile > 0 && inputPercentile <= 100)) {
            throw new IllegalArgumentException("inputPercentile must be in (0, 100], got " + inputPercentile);
        }
        if (!(adcNoiseLsb >= 0) || !Double.isFinite(adcNoiseLsb) || !Double.isFinite(adcOffsetLsb)) {
            throw new IllegalArgumentException("ADC noise must be ≥ 0 and offset finite, got " + adcNoiseLsb + ", " + adcOffsetLsb);
        }
        if (calibrationImages < 1) {
            throw new IllegalArgumentException("calibrationImages must be at least 1, got " + calibrationImages);
        }
    }
}
