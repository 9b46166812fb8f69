package org.imcsim.hardware;

import java.util.Arrays;

/**
 * Data-dependent read activity of one layer, measured on the actual weights and input bits: per array
 * bit-plane read the number of rows driven, and per ADC conversion the column's level sum
 * {@code ws = Σ_active level} (with analog subtraction, the pair's summed level) and the rows driven
 * under it. The histograms make the energy re-costable: any device or ADC model turns
 * {@code (rows driven, level sum)} into a column conductance and a conversion energy. Mutable while the
 * kernel fills it; merged in a fixed order so results do not depend on threads.
 */
public final class LayerActivity {
    private final String layer;
    private long planeReads;
    private long activeRows;
    private long conversions;
    private final long[] histogram;
    private final long[] driveByLevelSum;
    private boolean signedInput;

    /** An empty activity record for level sums 0..maxLevelSum. */
    public LayerActivity(String layer, int maxLevelSum) {
        this.layer = layer;
        this.histogram = new long[maxLevelSum + 1];
        this.driveByLevelSum = new long[maxLevelSum + 1];
    }

    /** Rebuilds a record from saved sums (re-costing). */
    public static LayerActivity of(String layer, long planeReads, long activeRows, long[] histogram, long[] drive) {
        if (histogram.length != drive.length) {
            throw new IllegalArgumentException(layer + ": histogram and drive sums differ in length");
        }
        LayerActivity a = new LayerActivity(layer, histogram.length - 1);
        a.planeReads = planeReads;
        a.activeRows = activeRows;
        System.arraycopy(histogram, 0, a.histogram, 0, histogram.length);
        System.arraycopy(drive, 0, a.driveByLevelSum, 0, drive.length);
        long c = 0;
        for (long h : histogram) {
            c += h;
        }
        a.conversions = c;
        return a;
    }

    void addPlane(int active) {
        planeReads++;
        activeRows += active;
    }

    void addPlanes(long n, long active) {
        planeReads += n;
        activeRows += active;
    }

    void addConversion(int levelSum, int drive) {
        histogram[levelSum]++;
        driveByLevelSum[levelSum] += drive;
        conversions++;
    }

    void addConversions(int levelSum, long n, long drive) {
        histogram[levelSum] += n;
        driveByLevelSum[levelSum] += drive;
        conversions += n;
    }

    /** Adds {@code o} into this record. */
    public void add(LayerActivity o) {
        if (o.histogram.length != histogram.length) {
            throw new IllegalArgumentException("cannot merge activities of different level ranges");
        }
        if (planeReads == 0) {
            signedInput = o.signedInput;
        } else if (o.planeReads != 0 && o.signedInput != signedInput) {
            throw new IllegalArgumentException("cannot merge activities of signed and unsigned inputs");
        }
        planeReads += o.planeReads;
        activeRows += o.activeRows;
        conversions += o.conversions;
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] += o.histogram[i];
            driveByLevelSum[i] += o.driveByLevelSum[i];
        }
    }

    void signedInput(boolean signed) {
        signedInput = signed;
    }

    /**
     * Whether the inputs were two's complement: with multi-bit row drivers the sign bit is then its own read
     * cycle ({@link HardwareSpec#inputCycles(boolean)}). False for records rebuilt from saved counts.
     */
    public boolean signedInput() {
        return signedInput;
    }

    /** Layer name. */
    public String layer() {
        return layer;
    }

    /** Array bit-plane reads measured. */
    public long planeReads() {
        return planeReads;
    }

    /** Σ rows driven over those reads. */
    public long activeRows() {
        return activeRows;
    }

    /** Conversions measured. */
    public long conversions() {
        return conversions;
    }

    /** Mean rows driven per array bit-plane read (0 if none measured). */
    public double meanActiveRows() {
        return planeReads == 0 ? 0 : (double) activeRows / planeReads;
    }

    /** Conversions per level sum (a copy). */
    public long[] histogram() {
        return histogram.clone();
    }

    /** Σ rows driven per level sum (a copy). */
    public long[] driveByLevelSum() {
        return driveByLevelSum.clone();
    }

    /** Conversions with level sum {@code ws}. */
    public long count(int ws) {
        return histogram[ws];
    }

    /** Σ rows driven under conversions with level sum {@code ws}. */
    public long drive(int ws) {
        return driveByLevelSum[ws];
    }

    /** Largest level sum the record can hold. */
    public int maxLevelSum() {
        return histogram.length - 1;
    }

    /** Mean level sum per conversion. */
    public double meanLevelSum() {
        double s = 0;
        for (int i = 0; i < histogram.length; i++) {
            s += (double) i * histogram[i];
        }
        return conversions == 0 ? 0 : s / conversions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerActivity a && a.layer.equals(layer) && a.planeReads == planeReads
                && a.activeRows == activeRows && a.signedInput == signedInput && Arrays.equals(a.histogram, histogram)
                && Arrays.equals(a.driveByLevelSum, driveByLevelSum);
    }

    @Override
    public int hashCode() {
        return layer.hashCode() * 31 + Long.hashCode(activeRows);
    }
}
