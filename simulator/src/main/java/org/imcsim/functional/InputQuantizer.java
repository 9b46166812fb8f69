package org.imcsim.functional;

/**
 * Activation quantization at a crossbar layer's input (MODEL.md §1): unsigned
 * {@code x_q = clamp(rint(x/s_x), 0, 2^b − 1)}, or, for a layer whose input can be negative,
 * two's complement {@code clamp(rint(x/s_x), −2^(b−1), 2^(b−1) − 1)}.
 *
 * @param scale  s_x (> 0)
 * @param bits   b
 * @param signed whether the input is fed in two's complement
 */
public record InputQuantizer(double scale, int bits, boolean signed) {

    public InputQuantizer {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("input scale must be positive, got " + scale);
        }
    }

    /** Two's-complement inputs need a sign bit and at least one magnitude bit. */
    public static final class TooFewBitsException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooFewBitsException(String detail) {
            super(detail);
        }
    }

    /**
     * From a calibration statistic: the largest |x| to represent (max or a percentile).
     *
     * @throws TooFewBitsException for signed inputs with fewer than 2 bits
     */
    public static InputQuantizer calibrated(double maxAbs, boolean signed, int bits) {
        if (signed && bits < 2) {
            throw new TooFewBitsException("negative inputs are fed in two's complement, which needs at least 2 bits "
                    + "(a sign bit and a magnitude bit), got " + bits);
        }
        long top = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        double s = maxAbs > 0 ? maxAbs / top : 1.0;
        return new InputQuantizer(s, bits, signed);
    }

    /** Quantizes {@code n} values of x into codes. */
    public void quantize(float[] x, int n, int[] out) {
        double inv = 1.0 / scale;
        int lo = signed ? -(1 << (bits - 1)) : 0;
        int hi = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
        for (int i = 0; i < n; i++) {
            double r = Math.rint(x[i] * inv);
            out[i] = r < lo ? lo : (r > hi ? hi : (int) r);
        }
    }
}
