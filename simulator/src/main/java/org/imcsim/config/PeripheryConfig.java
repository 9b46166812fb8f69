package org.imcsim.config;

/**
 * {@code periphery:} the circuits around an array: input DACs, the ADCs, drift compensation.
 *
 * @param dacBits           input bits applied per cycle (1 = bit-serial)
 * @param adc               the column ADCs
 * @param driftCompensation one digital scale per array from a reference read (global drift compensation)
 */
public record PeripheryConfig(
        @Param(defaultValue = "1", min = 1, max = 8, description = "input bits applied per read cycle (1 = bit-serial); at most mapping.inputBits")
        int dacBits,
        @Param(description = "column ADCs")
        AdcConfig adc) {

    public PeripheryConfig {
        Check.range("dacBits", dacBits, 1, 8);
        Check.present("adc", adc);
    }
}
