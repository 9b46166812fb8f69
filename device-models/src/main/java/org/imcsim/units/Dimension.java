package org.imcsim.units;

import java.util.List;

/**
 * The physical dimension of a quantity, with the SI base symbol(s) accepted after an optional
 * metric prefix. Symbols are case-sensitive: {@code S} is siemens, {@code s} is seconds,
 * {@code m} is metres (or the milli prefix before another symbol), {@code M} is mega.
 */
public enum Dimension {
    TIME("s", List.of("s")),
    FREQUENCY("Hz", List.of("Hz")),
    RESISTANCE("Ohm", List.of("Ohm", "ohm", "Ω")),
    CONDUCTANCE("S", List.of("S")),
    VOLTAGE("V", List.of("V")),
    CURRENT("A", List.of("A")),
    LENGTH("m", List.of("m")),
    AREA("m2", List.of("m2", "m²")),
    ENERGY("J", List.of("J")),
    POWER("W", List.of("W")),
    CAPACITANCE("F", List.of("F")),
    /** A plain number; no unit symbol allowed (a percent sign is accepted and divides by 100). */
    DIMENSIONLESS("", List.of(""));

    private final String siSymbol;
    private final List<String> symbols;

    Dimension(String siSymbol, List<String> symbols) {
        this.siSymbol = siSymbol;
        this.symbols = symbols;
    }

    /** The symbol used when printing a value of this dimension in SI, e.g. {@code "Hz"}. */
    public String siSymbol() {
        return siSymbol;
    }

    /** Accepted unit symbols (without prefix), longest first is not guaranteed. */
    public List<String> symbols() {
        return symbols;
    }

    /** An example of a well-formed value, used in error messages. */
    public String example() {
        return switch (this) {
            case TIME -> "\"10ns\"";
            case FREQUENCY -> "\"1GHz\"";
            case RESISTANCE -> "\"100kOhm\"";
            case CONDUCTANCE -> "\"25uS\"";
            case VOLTAGE -> "\"0.8V\"";
            case CURRENT -> "\"10uA\"";
            case LENGTH -> "\"22nm\"";
            case AREA -> "\"1.5um2\"";
            case ENERGY -> "\"2.5pJ\"";
            case POWER -> "\"1mW\"";
            case CAPACITANCE -> "\"0.2fF\"";
            case DIMENSIONLESS -> "0.5";
        };
    }
}
