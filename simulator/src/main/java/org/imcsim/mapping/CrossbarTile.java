package org.imcsim.mapping;

/**
 * One allocated crossbar of a layer: the block of fan-in rows {@code [rowStart, rowStart+rowCount)}
 * and logical output columns {@code [colStart, colStart+colCount)} it holds, and the level
 * (0..L−1) stored in each of its used cells.
 *
 * <p>Physical column layout inside the array: logical column l occupies the
 * {@code cellsPerWeight} adjacent columns starting at {@code l·cellsPerWeight}; within that group
 * the first S columns are polarity 0 (q⁺, or the only polarity) slices 0..S−1 (slice 0 = least
 * significant bits), then polarity 1 (q⁻) slices 0..S−1. Analog subtraction pairs column
 * (l, 0, s) with (l, 1, s), so a pair is always in one array.
 */
public final class CrossbarTile {
    private final int rowBlock;
    private final int colBlock;
    private final int rowStart;
    private final int rowCount;
    private final int colStart;
    private final int colCount;
    private final int physCols;
    private final int sign;
    private final byte[] levels;

    /**
     * @param levels row-major rowCount × physCols unsigned levels (read with {@code & 0xFF})
     * @param sign   +1 or −1 for a unipolar crossbar (the sign the digital side applies); +1 otherwise
     */
    public CrossbarTile(int rowBlock, int colBlock, int rowStart, int rowCount, int colStart, int colCount,
                        int physCols, int sign, byte[] levels) {
        if (levels.length != rowCount * physCols) {
            throw new IllegalArgumentException("levels has " + levels.length + " cells, expected " + rowCount + "×" + physCols);
        }
        this.rowBlock = rowBlock;
        this.colBlock = colBlock;
        this.rowStart = rowStart;
        this.rowCount = rowCount;
        this.colStart = colStart;
        this.colCount = colCount;
        this.physCols = physCols;
        this.sign = sign;
        this.levels = levels;
    }

    public int rowBlock() {
        return rowBlock;
    }

    public int colBlock() {
        return colBlock;
    }

    /** First fan-in row (of the layer's K) held by this array. */
    public int rowStart() {
        return rowStart;
    }

    /** Rows of the array that hold weights (≤ crossbar rows; the last row-block may be partial). */
    public int rowCount() {
        return rowCount;
    }

    /** First logical output column held. */
    public int colStart() {
        return colStart;
    }

    /** Logical output columns held. */
    public int colCount() {
        return colCount;
    }

    /** Physical columns used: colCount × cellsPerWeight. */
    public int physCols() {
        return physCols;
    }

    /** +1 or −1 for unipolar arrays, +1 otherwise. */
    public int sign() {
        return sign;
    }

    /** Level of the cell at used row r (0-based within the array) and physical column c. */
    public int level(int r, int c) {
        return levels[r * physCols + c] & 0xFF;
    }

    /** The raw level array (row-major rowCount × physCols); do not modify. */
    public byte[] levels() {
        return levels;
    }

    /** Cells that hold a non-zero level. */
    public long nonZeroCells() {
        long nz = 0;
        for (byte b : levels) {
            if (b != 0) {
                nz++;
            }
        }
        return nz;
    }
}
