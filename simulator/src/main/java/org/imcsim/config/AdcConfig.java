package org.imcsim.config;

/**
 * {@code periphery.adc:} the column ADCs: circuit type, resolution, sharing and range.
 *
 * @param model      ADC circuit
 * @param bits       output resolution in bits
 * @param colsPerAdc columns sharing one ADC through a mux (conversions serialize)
 * @param range      how the ADC input range is set (MODEL.md §3)
 * @param percentile for {@code range: calibrated}: percentile of calibration partial sums mapped to full scale
 * @param noiseLsb   input-referred Gaussian noise, standard deviation in LSB (0 = none)
 * @param offsetLsb  input-referred offset in LSB (0 = none)
 */
public record AdcConfig(
        @Param(defaultValue = "mlsa", description = "ADC circuit: mlsa (multilevel sense amp, NeuroSim's default), flash or sar")
        AdcModel model,
        @Param(defaultValue = "5", min = 1, max = 16, description = "ADC resolution in bits")
        int bits,
        @Param(defaultValue = "8", min = 1, description = "columns sharing one ADC through a mux; must divide crossbar.cols")
        int colsPerAdc,
        @Param(defaultValue = "full",
               description = "input range: full (0 to the largest partial sum the block can produce) or calibrated (a percentile of observed partial sums)")
        AdcRange range,
        @Param(defaultValue = "99.9", min = 0, minExclusive = true, max = 100,
               description = "with range: calibrated, the percentile of calibration partial sums mapped to full scale (values above clip)")
        double percentile,
        @Param(defaultValue = "0", min = 0, description = "input-referred Gaussian noise of a conversion, standard deviation in LSB")
        double noiseLsb,
        @Param(defaultValue = "0", description = "input-referred offset of a conversion, in LSB")
        double offsetLsb) {

    public AdcConfig {
        Check.present("model", model);
        Check.range("bits", bits, 1, 16);
        Check.atLeast("colsPerAdc", colsPerAdc, 1);
        Check.present("range", range);
        Check.range("percentile", percentile, 0, true, 100, false);
        Check.range("noiseLsb", noiseLsb, 0, false, Double.POSITIVE_INFINITY, false);
        Check.range("offsetLsb", offsetLsb, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    }

    /** ADC circuit type. */
    public enum AdcModel implements ConfigChoice {
        MLSA("mlsa", "current-mode multilevel sense amplifier ADC (NeuroSim): 2^bits − 1 sense amps"),
        FLASH("flash", "flash ADC: 2^bits − 1 comparators, one-step conversion"),
        SAR("sar", "successive-approximation ADC: one comparator, bits + 1 steps per conversion");

        private final String configName;
        private final String meaning;

        AdcModel(String configName, String meaning) {
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

    /** How the ADC input range is chosen. */
    public enum AdcRange implements ConfigChoice {
        FULL("full", "0 to the largest partial sum the row-block can produce (exact with enough bits)"),
        CALIBRATED("calibrated", "full scale at a percentile of partial sums seen on calibration images; clips above");

        private final String configName;
        private final String meaning;

        AdcRange(String configName, String meaning) {
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
