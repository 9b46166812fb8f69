package org.imcsim.mapping;

/**
 * Symmetric signed weight quantization (MODEL.md §1): s_w = max|W| / (2^(b−1) − 1),
 * q = clamp(rint(W / s_w), ±(2^(b−1) − 1)), per layer or per output column; the power-of-two
 * modes round s_w up to 2^ceil(log2 s_w) before rounding the codes, so |q| never exceeds the range.
 */
public final class WeightQuantizer {

    private WeightQuantizer() {
    }

    /**
     * @param w     row-major k×n weights (w[i·n + j] is fan-in row i, output column j)
     * @param bits  signed precision b (2..16)
     * @param mode  scale granularity/form
     */
    public static QuantizedWeights quantize(float[] w, int k, int n, int bits, ScaleMode mode) {
        if (w.length != (long) k * n) {
            throw new IllegalArgumentException("weights have " + w.length + " values, expected " + k + "×" + n);
        }
        int qmax = (1 << (bits - 1)) - 1;
        double[] maxAbs = new double[n];
        double layerMax = 0;
        for (int i = 0; i < k; i++) {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double a = Math.abs(w[base + j]);
                if (a > maxAbs[j]) {
                    maxAbs[j] = a;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            layerMax = Math.max(layerMax, maxAbs[j]);
        }
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            double m = mode.perChannel() ? maxAbs[j] : layerMax;
            // An all-zero column (or layer) keeps scale 1 so its codes are 0 and dequantize to 0.
            double s = m > 0 ? m / qmax : 1.0;
            if (mode.powerOfTwo()) {
                s = roundUpToPowerOfTwo(s);
            }
            scale[j] = s;
        }
        int[] q = new int[w.length];
        for (int i = 0; i < k; i++) {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double r = Math.rint(w[base + j] / scale[j]);
                q[base + j] = (int) Math.max(-qmax, Math.min(qmax, r));
            }
        }
        return new QuantizedWeights(k, n, q, scale, bits);
    }

    /** The smallest power of two ≥ s (s > 0). */
    public static double roundUpToPowerOfTwo(double s) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + s);
        }
        int e = Math.getExponent(s);
        double p = Math.scalb(1.0, e);
        return p >= s ? p : Math.scalb(1.0, e + 1);
    }

    /** log2 of a power-of-two scale: the shift the shift-add unit applies. */
    public static int shiftOf(double powerOfTwoScale) {
        int e = Math.getExponent(powerOfTwoScale);
        if (Math.scalb(1.0, e) != powerOfTwoScale) {
            throw new IllegalArgumentException(powerOfTwoScale + " is not a power of two");
        }
        return e;
    }
}
