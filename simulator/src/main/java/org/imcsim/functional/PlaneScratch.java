package org.imcsim.functional;

/**
 * Scratch arrays of {@link PlaneKernel}, shared by the kernels of all layers of one worker
 * thread (layers run one at a time), so a thread holds one set sized for its largest crossbar
 * and pass, not one per layer. Grown by {@link #ensure}; the kernels read the arrays afresh on
 * every call. Not thread-safe: one per worker thread.
 */
final class PlaneScratch {
    /** Input codes of a pass, transposed: xf[row][vector]. */
    float[][] xf = new float[0][];
    /** Digits of one row and input cycle, staged before being copied into the plane. */
    float[] digitBuf = new float[0];
    /** Bit-planes: plane[row][cycle·nv + vector]. */
    float[][] plane = new float[0][];
    /** Partial sums: psum[physical column][cycle·nv + vector]. */
    float[][] psum = new float[0][];
    /** Shift-added digital values of one weight column, per plane column (float path). */
    float[] wsum = new float[0];
    /** Per plane column: positive when a conversion needs the exact double path. */
    float[] nearest = new float[0];
    /** Shift-added digital values of one weight column (double path). */
    double[] wsumD = new double[0];

    /** Grows the arrays to at least rows × vectors inputs and rows / physCols × planeCols planes. */
    void ensure(int rows, int physCols, int vectors, int planeCols) {
        if (xf.length < rows || (rows > 0 && xf[0].length < vectors)) {
            xf = new float[Math.max(rows, xf.length)][Math.max(vectors, xf.length > 0 ? xf[0].length : 0)];
        }
        if (digitBuf.length < vectors) {
            digitBuf = new float[vectors];
        }
        plane = grow(plane, rows, planeCols);
        psum = grow(psum, physCols, planeCols);
        if (wsum.length < planeCols) {
            wsum = new float[planeCols];
            nearest = new float[planeCols];
            wsumD = new double[planeCols];
        }
    }

    private static float[][] grow(float[][] a, int rows, int cols) {
        int have = a.length > 0 ? a[0].length : 0;
        if (a.length >= rows && have >= cols) {
            return a;
        }
        return new float[Math.max(rows, a.length)][Math.max(cols, have)];
    }
}
