package org.imcsim.cost.circuit;

import java.util.Locale;

/** Column ADC architecture. */
public enum AdcType {
    /** Current-mode multilevel sense amplifier (NeuroSim's default MLSA): 2^bits − 1 comparators. */
    MLSA,
    /** Voltage-mode flash converter (NeuroSim's MLSA with voltage sense amps): 2^bits − 1 comparators. */
    FLASH,
    /** Successive-approximation ADC: one comparator, bits + 1 cycles. */
    SAR;

    /** Parse a config spelling ({@code mlsa}, {@code flash}, {@code sar}), case-insensitive. */
    public static AdcType parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "mlsa", "multilevel-sense-amp" -> MLSA;
            case "flash", "vsa" -> FLASH;
            case "sar" -> SAR;
            default -> throw new IllegalArgumentException("ADC model must be mlsa, flash or sar, got '" + s + "'");
        };
    }
}
