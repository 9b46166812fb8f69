package org.imcsim.mapping;

import java.util.Objects;

/**
 * Everything the mapper needs to know about the numbers and the arrays. Validated here so that a
 * spec that exists is a spec that maps.
 *
 * @param weightBits  signed weight precision (2..16)
 * @param inputBits   activation precision (1..16)
 * @param cellBits    bits per cell (1..8): L = 2^cellBits conductance levels
 * @param dacBits     input bits applied per read cycle (1..inputBits)
 * @param rows        crossbar rows (wordlines)
 * @param cols        crossbar columns (bitlines)
 * @param signed      signed-weight scheme
 * @param subtraction where differential pairs are subtracted (ignored for other schemes)
 * @param scale       weight scale granularity/form
 */
public record MappingSpec(int weightBits, int inputBits, int cellBits, int dacBits, int rows, int cols,
                          SignedScheme signed, Subtraction subtraction, ScaleMode scale) {

    public MappingSpec {
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(subtraction, "subtraction");
        Objects.requireNonNull(scale, "scale");
        check(weightBits >= 2 && weightBits <= 16, "weightBits must be in 2..16, got " + weightBits);
        check(inputBits >= 1 && inputBits <= 16, "inputBits must be in 1..16, got " + inputBits);
        check(cellBits >= 1 && cellBits <= 8, "cellBits must be in 1..8, got " + cellBits);
        check(dacBits >= 1 && dacBits <= inputBits, "dacBits must be in 1..inputBits (" + inputBits + "), got " + dacBits);
        check(rows >= 1, "rows must be positive, got " + rows);
        check(cols >= 1, "cols must be positive, got " + cols);
        int perLogical = slices(weightBits, cellBits, signed) * (signed == SignedScheme.DIFFERENTIAL ? 2 : 1);
        check(cols >= perLogical, "cols (" + cols + ") must hold at least one weight column, which needs "
                + perLogical + " cells (" + slices(weightBits, cellBits, signed) + " slices"
                + (signed == SignedScheme.DIFFERENTIAL ? " × 2 for the differential pair)" : ")"));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Bits of the stored unsigned value: the magnitude (weightBits−1) or, for offset, weightBits. */
    public int storedBits() {
        return storedBits(weightBits, signed);
    }

    /** S = ceil(storedBits / cellBits): cells per stored weight value. */
    public int slices() {
        return slices(weightBits, cellBits, signed);
    }

    /** L = 2^cellBits. */
    public int levels() {
        return 1 << cellBits;
    }

    /** 1, or 2 for the differential pair. */
    public int polarities() {
        return signed == SignedScheme.DIFFERENTIAL ? 2 : 1;
    }

    /** Physical columns one logical (output-channel) column occupies: slices × polarities. */
    public int cellsPerWeight() {
        return slices() * polarities();
    }

    /** Logical columns one crossbar holds (its slices and pair are never split across arrays). */
    public int logicalColsPerArray() {
        return cols / cellsPerWeight();
    }

    /** T_in = ceil(inputBits / dacBits): read cycles per input vector of unsigned inputs. */
    public int inputCycles() {
        return (inputBits + dacBits - 1) / dacBits;
    }

    /**
     * Read cycles per input vector: {@link #inputCycles()} for unsigned inputs; for two's-complement
     * inputs the sign bit is read as its own 1-bit cycle weighted −2^(inputBits−1) (row drivers apply
     * non-negative levels only) and the other inputBits−1 bits dacBits at a time, so
     * ceil((inputBits−1)/dacBits) + 1 — the same as T_in with a 1-bit DAC.
     */
    public int inputCycles(boolean signedInput) {
        return signedInput ? (inputBits - 1 + dacBits - 1) / dacBits + 1 : inputCycles();
    }

    /** The largest quantized weight magnitude, 2^(weightBits−1) − 1. */
    public int maxWeightCode() {
        return (1 << (weightBits - 1)) - 1;
    }

    private static int storedBits(int weightBits, SignedScheme signed) {
        return signed == SignedScheme.OFFSET ? weightBits : weightBits - 1;
    }

    private static int slices(int weightBits, int cellBits, SignedScheme signed) {
        int b = storedBits(weightBits, signed);
        return (b + cellBits - 1) / cellBits;
    }
}
