package org.imcsim.config;

/**
 * {@code periphery:} the circuits around an array: input DACs, the ADCs, drift compensation.
 *
 * @param dacBits           input bits applied per cycle (1 = bit-serial)
 * @param adc               the column ADCs
 * @param sampleHold        column sample-and-hold: rows are released while the shared ADCs convert
 */
public record PeripheryConfig(
        @Param(defaultValue = "1", min = 1, max = 8, description = "input bits applied per read cycle (1 = bit-serial); at most mapping.inputBits")
        int dacBits,
        @Param(description = "column ADCs")
        AdcConfig adc,
        @Param(defaultValue = "false", description = "column sample-and-hold (ISAAC's organisation): the columns are sampled after each read so the rows are released while the shared ADCs convert; false: the rows stay driven during the conversions (NeuroSim's current-mode sensing)")
        boolean sampleHold) {

    public PeripheryConfig {
        Check.range("dacBits", dacBits, 1, 8);
        Check.present("adc", adc);
    }
}
