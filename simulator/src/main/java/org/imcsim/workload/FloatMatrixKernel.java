package org.imcsim.workload;

import java.util.List;

/**
 * The float reference {@link MatrixKernel}: an exact-order single-precision matrix product. Each
 * output element is accumulated over the fan-in in ascending order, so results do not depend on
 * how vectors are batched. The layer matrices are transposed once at construction into
 * {@code [K][N/groups]} per group so the inner loop is a contiguous multiply-add over output
 * columns (which HotSpot vectorizes), four input vectors per pass over the matrix.
 * Bound to the network it was built for; immutable and thread-safe.
 */
public final class FloatMatrixKernel implements MatrixKernel {
    /** Vectors multiplied per pass over the weight matrix (register blocking). */
    private static final int BLOCK = 4;
    /**
     * Below this many columns the inner loop over columns is too short to vectorize, so the product
     * runs transposed: the loop runs over the vectors instead (same summation order, same result).
     */
    private static final int NARROW = 24;
    private final float[][][] matrices;
    private final ThreadLocal<float[][]> scratch = ThreadLocal.withInitial(() -> new float[2][0]);

    /** Prepares the transposed matrices of every crossbar layer of {@code network}. */
    public FloatMatrixKernel(Network network) {
        List<CrossbarLayer> layers = network.crossbarLayers();
        matrices = new float[layers.size()][][];
        for (CrossbarLayer l : layers) {
            int k = l.rows();
            int cpg = l.colsPerGroup();
            float[] w = l.weightsView();
            float[][] perGroup = new float[l.groups()][];
            for (int g = 0; g < l.groups(); g++) {
                float[] m = new float[k * cpg];
                for (int j = 0; j < cpg; j++) {
                    int base = (g * cpg + j) * k;
                    for (int r = 0; r < k; r++) {
                        m[r * cpg + j] = w[base + r];
                    }
                }
                perGroup[g] = m;
            }
            matrices[l.index()] = perGroup;
        }
    }

    @Override
    public void multiply(CrossbarLayer layer, int group, float[] x, int vectors, float[] y) {
        float[] m = matrices[layer.index()][group];
        int k = layer.rows();
        int n = layer.colsPerGroup();
        if (n < NARROW && vectors >= 2 * BLOCK) {
            multiplyNarrow(m, k, n, x, vectors, y);
            return;
        }
        java.util.Arrays.fill(y, 0, vectors * n, 0f);
        int v = 0;
        for (; v + BLOCK <= vectors; v += BLOCK) {
            int x0 = v * k;
            int x1 = x0 + k;
            int x2 = x1 + k;
            int x3 = x2 + k;
            int y0 = v * n;
            int y1 = y0 + n;
            int y2 = y1 + n;
            int y3 = y2 + n;
            for (int r = 0; r < k; r++) {
                float a0 = x[x0 + r];
                float a1 = x[x1 + r];
                float a2 = x[x2 + r];
                float a3 = x[x3 + r];
                if (a0 == 0f && a1 == 0f && a2 == 0f && a3 == 0f) {
                    continue; // post-ReLU inputs are often zero; adding 0·w changes nothing
                }
                int mo = r * n;
                for (int j = 0; j < n; j++) {
                    float w = m[mo + j];
                    y[y0 + j] += a0 * w;
                    y[y1 + j] += a1 * w;
                    y[y2 + j] += a2 * w;
                    y[y3 + j] += a3 * w;
                }
            }
        }
        for (; v < vectors; v++) {
            int x0 = v * k;
            int y0 = v * n;
            for (int r = 0; r < k; r++) {
                float a0 = x[x0 + r];
                if (a0 == 0f) {
                    continue;
                }
                int mo = r * n;
                for (int j = 0; j < n; j++) {
                    y[y0 + j] += a0 * m[mo + j];
                }
            }
        }
    }

    /** {@code yT[j][v] = Σ_r m[r][j]·xT[r][v]}: the loop over vectors is long and contiguous. */
    private void multiplyNarrow(float[] m, int k, int n, float[] x, int vectors, float[] y) {
        float[][] s = scratch.get();
        if (s[0].length < k * vectors) {
            s[0] = new float[k * vectors];
        }
        if (s[1].length < n * vectors) {
            s[1] = new float[n * vectors];
        }
        float[] xt = s[0];
        float[] yt = s[1];
        for (int v = 0; v < vectors; v++) {
            int xo = v * k;
            for (int r = 0; r < k; r++) {
                xt[r * vectors + v] = x[xo + r];
            }
        }
        java.util.Arrays.fill(yt, 0, n * vectors, 0f);
        for (int j = 0; j < n; j++) {
            int yo = j * vectors;
            for (int r = 0; r < k; r++) {
                float w = m[r * n + j];
                if (w == 0f) {
                    continue; // pruned weight: adding 0·x changes nothing
                }
                int xo = r * vectors;
                for (int v = 0; v < vectors; v++) {
                    yt[yo + v] += w * xt[xo + v];
                }
            }
        }
        for (int v = 0; v < vectors; v++) {
            for (int j = 0; j < n; j++) {
                y[v * n + j] = yt[j * vectors + v];
            }
        }
    }
}
