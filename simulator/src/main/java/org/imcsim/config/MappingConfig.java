package org.imcsim.config;

/**
 * {@code mapping:} how a layer's weights and activations become crossbar levels (MODEL.md §1–2).
 *
 * @param weightBits           signed weight precision in bits (symmetric quantization)
 * @param inputBits            activation precision in bits
 * @param signed               signed-weight scheme
 * @param subtraction          where the differential pair is subtracted
 * @param scale                weight scale granularity
 * @param activationPercentile percentile of calibration activations that sets the input scale (100 = max)
 * @param calibrationImages    images in the calibration pass (activation scales, calibrated ADC ranges)
 * @param rearrangeColumns     permute output columns inside crossbars to reduce parasitic losses
 */
public record MappingConfig(
        @Param(defaultValue = "8", min = 2, max = 16, description = "weight precision in bits, symmetric and signed: levels ±(2^(weightBits−1) − 1)")
        int weightBits,
        @Param(defaultValue = "8", min = 1, max = 16, description = "input (activation) precision in bits, unsigned after ReLU")
        int inputBits,
        @Param(defaultValue = "differential",
               description = "signed weights: differential (two columns), offset (unsigned with a digital offset removal) or unipolar (one sign per block)")
        SignedScheme signed,
        @Param(defaultValue = "digital",
               description = "with signed: differential, subtract the pair after the ADC (digital) or before it (analog, signed ADC)")
        Subtraction subtraction,
        @Param(defaultValue = "layer",
               description = "weight scale: one per layer, one per output channel, or per layer rounded up to a power of two (a shift)")
        ScaleMode scale,
        @Param(defaultValue = "100", min = 0, minExclusive = true, max = 100,
               description = "percentile of calibration activations that sets each layer's input scale (100 = the maximum)")
        double activationPercentile,
        @Param(defaultValue = "16", min = 1, description = "images in the calibration pass (activation scales and calibrated ADC ranges)")
        int calibrationImages,
        @Param(defaultValue = "false",
               description = "permute output columns inside each crossbar (undone digitally) so that columns suffer less from IR drop")
        boolean rearrangeColumns) {

    public MappingConfig {
        Check.range("weightBits", weightBits, 2, 16);
        Check.range("inputBits", inputBits, 1, 16);
        Check.present("signed", signed);
        Check.present("subtraction", subtraction);
        Check.present("scale", scale);
        Check.range("activationPercentile", activationPercentile, 0, true, 100, false);
        Check.atLeast("calibrationImages", calibrationImages, 1);
        if (subtraction == Subtraction.ANALOG && signed != SignedScheme.DIFFERENTIAL) {
            throw new InvalidValueException("subtraction",
                    "analog subtraction needs signed: differential, but signed is " + signed.configName());
        }
    }

    /** Signed-weight scheme (MODEL.md §2). */
    public enum SignedScheme implements ConfigChoice {
        DIFFERENTIAL("differential", "q+ and q− on two columns (or arrays), subtracted in analog or digital"),
        OFFSET("offset", "q + 2^(weightBits−1) − 1 stored unsigned; the offset is removed digitally using the input sum"),
        UNIPOLAR("unipolar", "one device per weight; every weight of a crossbar block has one sign, applied digitally");

        private final String configName;
        private final String meaning;

        SignedScheme(String configName, String meaning) {
            this.configName = configName;
            this.meaning = meaning;
        }

        @Override
        public String configName() {
            return configName;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }

    /** Where a differential pair is subtracted. */
    public enum Subtraction implements ConfigChoice {
        DIGITAL("digital", "each column converted separately, subtracted after the ADC"),
        ANALOG("analog", "column currents subtracted before a signed, symmetric ADC");

        private final String configName;
        private final String meaning;

        Subtraction(String configName, String meaning) {
            this.configName = configName;
            this.meaning = meaning;
        }

        @Override
        public String configName() {
            return configName;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }

    /** Weight scale granularity (MODEL.md §1). */
    public enum ScaleMode implements ConfigChoice {
        LAYER("layer", "one scale per layer"),
        CHANNEL("channel", "one scale per output channel"),
        POW2("pow2", "one scale per layer rounded up to a power of two, applied as a shift (integer-only datapath)"),
        CHANNEL_POW2("channel-pow2", "one scale per output channel rounded up to a power of two, applied as a shift");

        private final String configName;
        private final String meaning;

        ScaleMode(String configName, String meaning) {
            this.configName = configName;
            this.meaning = meaning;
        }

        @Override
        public String configName() {
            return configName;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }
}
