package org.imcsim.functional;

/**
 * The ADC transfer function of MODEL.md §3 in integer level units. Unsigned: codes 0..2^b−1 over
 * [lo, hi], {@code c = clamp(rint((p−lo)/(hi−lo)·(2^b−1)), 0, 2^b−1)}, value
 * {@code rint(lo + c·(hi−lo)/(2^b−1))}. Signed (analog subtraction): codes ±(2^(b−1)−1) over
 * [−hi, +hi], so zero is a code. Stateless apart from its constants; thread-safe.
 */
public final class AdcQuantizer {
    private final boolean signed;
    private final int bits;
    private final double lo;
    private final double hi;
    private final double maxCode;
    private final double toCode;
    private final double toValue;
    private final double noiseLsb;
    private final double offsetLsb;
    private final double[] table;

    private AdcQuantizer(boolean signed, int bits, double lo, double hi) {
        this(signed, bits, lo, hi, 0, 0);
    }

    private AdcQuantizer(boolean signed, int bits, double lo, double hi, double noiseLsb, double offsetLsb) {
        if (bits < 1 || bits > 24) {
            throw new IllegalArgumentException("ADC bits must be in 1..24, got " + bits);
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("ADC range must have hi > lo, got [" + lo + ", " + hi + "]");
        }
        this.signed = signed;
        this.bits = bits;
        this.lo = lo;
        this.hi = hi;
        this.maxCode = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        if (signed && maxCode < 1) {
            throw new IllegalArgumentException("a signed ADC needs at least 2 bits, got " + bits);
        }
        double span = signed ? hi : hi - lo;
        this.toCode = maxCode / span;
        this.toValue = span / maxCode;
        this.noiseLsb = noiseLsb;
        this.offsetLsb = offsetLsb;
        this.table = valueTable();
    }

    /**
     * This ADC with an input-referred offset and Gaussian noise, both in LSB (one code step):
     * a conversion sees p + (offset + noise·N(0,1))·LSB.
     */
    public AdcQuantizer withImpairments(double noiseLsb, double offsetLsb) {
        return new AdcQuantizer(signed, bits, lo, hi, noiseLsb, offsetLsb);
    }

    /** True if conversions add offset or noise (the kernel then draws noise). */
    public boolean impaired() {
        return noiseLsb > 0 || offsetLsb != 0;
    }

    /** Standard deviation of the input-referred noise, LSB. */
    public double noiseLsb() {
        return noiseLsb;
    }

    /** Converts p after adding the offset and {@code gaussian}·noise (in LSB). */
    public double convert(double p, double gaussian) {
        return convert(p + (offsetLsb + noiseLsb * gaussian) * toValue);
    }

    /** Unsigned ADC over [lo, hi]. */
    public static AdcQuantizer unsigned(int bits, double lo, double hi) {
        return new AdcQuantizer(false, bits, lo, hi);
    }

    /** Signed symmetric ADC over [−hi, +hi]. */
    public static AdcQuantizer signed(int bits, double hi) {
        return new AdcQuantizer(true, bits, -hi, hi);
    }

    /** Quantizes a partial sum p (level units) and returns the digital value (an integer, as double). */
    public double convert(double p) {
        if (signed) {
            double c = Math.rint(p * toCode);
            c = c > maxCode ? maxCode : (c < -maxCode ? -maxCode : c);
            return table != null ? table[(int) c + (int) maxCode] : Math.rint(c * toValue);
        }
        double c = Math.rint((p - lo) * toCode);
        c = c > maxCode ? maxCode : (c < 0 ? 0 : c);
        return table != null ? table[(int) c] : Math.rint(lo + c * toValue);
    }

    /**
     * out[c] = weight[c] · convert(p[c]) for c &lt; n, for an unimpaired unsigned ADC, written as
     * one branch-free loop over primitive arrays so the JIT can vectorize it.
     */
    public void convertWeighted(float[] p, double[] weight, int n, double[] out) {
        if (signed) {
            throw new IllegalStateException("convertWeighted is for unsigned ADCs");
        }
        double l = lo;
        double tc = toCode;
        double tv = toValue;
        double mc = maxCode;
        for (int c = 0; c < n; c++) {
            double code = Math.min(mc, Math.max(0.0, Math.rint((p[c] - l) * tc)));
            out[c] = weight[c] * Math.rint(l + code * tv);
        }
    }

    /** Digital value per code (index code + maxCode when signed) for ADCs of up to 12 bits; null above. */
    private double[] valueTable() {
        if (maxCode > 4095) {
            return null;
        }
        int m = (int) maxCode;
        double[] t = new double[signed ? 2 * m + 1 : m + 1];
        for (int i = 0; i < t.length; i++) {
            double c = signed ? i - m : i;
            t[i] = signed ? Math.rint(c * toValue) : Math.rint(lo + c * toValue);
        }
        return t;
    }

    /** Highest code: 2^bits − 1 (unsigned) or 2^(bits−1) − 1 (signed). */
    public double maxCode() {
        return maxCode;
    }

    /** Codes per level unit: maxCode / span. */
    public double toCode() {
        return toCode;
    }

    /** Level units per code: span / maxCode. */
    public double toValue() {
        return toValue;
    }

    /** Digital value of an unsigned code 0..maxCode, as {@link #convert(double)} returns it. */
    public double convertCode(int code) {
        if (signed || code < 0 || code > maxCode) {
            throw new IllegalArgumentException("code " + code + " outside 0.." + (long) maxCode + " of an unsigned ADC");
        }
        return table != null ? table[code] : Math.rint(lo + code * toValue);
    }

    public boolean isSigned() {
        return signed;
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    /** Bits needed for an exact unsigned conversion of integer sums in [0, maxSum]: ceil(log2(maxSum+1)). */
    public static int exactBits(long maxSum) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, maxSum));
    }
}
