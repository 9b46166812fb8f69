package org.imcsim.mapping;

import java.util.Locale;

/** Where the two halves of a differential pair are subtracted. */
public enum Subtraction {
    /** Each column is converted by the ADC; the pair is subtracted after it (two conversions). */
    DIGITAL,
    /** Column currents are subtracted before the ADC, which is then signed and symmetric (one conversion). */
    ANALOG;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
