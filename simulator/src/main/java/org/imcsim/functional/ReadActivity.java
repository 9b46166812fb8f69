package org.imcsim.functional;

/**
 * Data-dependent activity of crossbar reads, accumulated by the kernel for the cost model:
 * read cycles, rows driven, Σ of driven cells' conductance (level units; the cost model converts
 * to siemens and to energy V²·G·t) and ADC conversions. Not thread-safe: one per worker, then
 * {@link #add merged}.
 */
public final class ReadActivity {
    /** Array read cycles (one per input cycle per allocated crossbar per input vector). */
    public long readCycles;
    /** Σ over read cycles of rows with a non-zero input digit. */
    public long activeRows;
    /** Σ over read cycles of input digits v_i (drive-weighted active rows). */
    public long inputDigitSum;
    /** Σ over read cycles and active rows of Σ_c v_i²·g_ic (level units; data-dependent read energy). */
    public double driveConductanceSum;
    /** Σ over read cycles and active rows of v_i²·(physical columns): the Gmin part of the read energy is Gmin·driveCells. */
    public long driveCells;
    /** ADC conversions made. */
    public long adcConversions;

    public void add(ReadActivity o) {
        readCycles += o.readCycles;
        activeRows += o.activeRows;
        inputDigitSum += o.inputDigitSum;
        driveConductanceSum += o.driveConductanceSum;
        driveCells += o.driveCells;
        adcConversions += o.adcConversions;
    }
}
