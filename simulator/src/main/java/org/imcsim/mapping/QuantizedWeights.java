package org.imcsim.mapping;

/**
 * A layer's weights as signed integers q ∈ [−(2^(b−1)−1), 2^(b−1)−1] with one scale per output
 * column (all equal for layer scales): W ≈ q · scale[n].
 *
 * @param k      rows (fan-in)
 * @param n      columns (output channels)
 * @param q      row-major k×n codes: q[i·n + j]
 * @param scale  per-column scale factor s_w (length n)
 * @param bits   the signed precision b
 */
public record QuantizedWeights(int k, int n, int[] q, double[] scale, int bits) {

    public QuantizedWeights {
        if (q.length != (long) k * n) {
            throw new IllegalArgumentException("q has " + q.length + " codes, expected " + k + "×" + n);
        }
        if (scale.length != n) {
            throw new IllegalArgumentException("scale has " + scale.length + " entries, expected " + n);
        }
    }

    /** The code at (row i, column j). */
    public int code(int i, int j) {
        return q[i * n + j];
    }
}
