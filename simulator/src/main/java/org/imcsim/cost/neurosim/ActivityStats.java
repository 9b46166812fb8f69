package org.imcsim.cost.neurosim;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * Data statistics that drive the data-dependent energies (array reads, ADC conversions) in the analytic
 * estimator: per layer, the probability that an input bit is 1 in each bit-plane, and the stored
 * weight-cell statistics. The event simulation measures the same quantities on real images.
 *
 * @param layers per-layer statistics, in network order
 */
public record ActivityStats(List<Layer> layers) {

    /**
     * @param bitPlaneDensity probability of a 1 in each input bit-plane (index 0 = LSB), length inputBits
     * @param weights         cell-state statistics
     */
    public record Layer(double[] bitPlaneDensity, WeightStats weights) {
        public Layer {
            bitPlaneDensity = bitPlaneDensity.clone();
            for (double d : bitPlaneDensity) {
                if (!(d >= 0 && d <= 1)) {
                    throw new IllegalArgumentException("bit density must be in [0, 1], got " + d);
                }
            }
        }

        @Override
        public double[] bitPlaneDensity() {
            return bitPlaneDensity.clone();
        }

        /** Mean density over the bit-planes. */
        public double meanDensity() {
            return Arrays.stream(bitPlaneDensity).average().orElse(0);
        }
    }

    public ActivityStats {
        layers = List.copyOf(layers);
    }

    /** Every layer with the same density in every bit-plane and the same weight statistics. */
    public static ActivityStats uniform(int numLayers, int inputBits, double density, WeightStats weights) {
        double[] d = new double[inputBits];
        Arrays.fill(d, density);
        Layer l = new Layer(d, weights);
        return new ActivityStats(java.util.Collections.nCopies(numLayers, l));
    }

    /**
     * The statistics of NeuroSim's synthetic VGG8 trace recipe (shared/reference/neurosim-vgg8.md): uniform
     * weights (uniform cell digits); first-layer inputs uniform in [−1, 1) in two's complement (every
     * bit-plane ½); later layers half zeros and half |N(0, σ)| clipped to 127/128, quantized to
     * round(x·2^(bits−1)).
     */
    public static ActivityStats neurosimSyntheticTrace(int numLayers, int inputBits, double sigma) {
        double[] first = new double[inputBits];
        Arrays.fill(first, 0.5);
        double[] rest = halfNormalBitPlanes(inputBits, sigma, 0.5);
        Layer[] ls = new Layer[numLayers];
        for (int i = 0; i < numLayers; i++) {
            ls[i] = new Layer(i == 0 ? first : rest, WeightStats.uniformDigits());
        }
        return new ActivityStats(List.of(ls));
    }

    /**
     * Bit-plane densities of v = round(|x|·2^(bits−1)) clipped to 2^(bits−1) − 1, with x ~ N(0, σ) for a
     * fraction (1 − zeroFraction) of the activations and v = 0 for the rest.
     */
    public static double[] halfNormalBitPlanes(int bits, double sigma, double zeroFraction) {
        int scale = 1 << (bits - 1);
        int max = scale - 1;
        double[] density = new double[bits];
        for (int v = 1; v <= max; v++) {
            double lo = (v - 0.5) / scale;
            double hi = v == max ? Double.POSITIVE_INFINITY : (v + 0.5) / scale;
            double p = halfNormalCdf(hi, sigma) - halfNormalCdf(lo, sigma);
            for (int b = 0; b < bits; b++) {
                if (((v >> b) & 1) != 0) {
                    density[b] += p * (1 - zeroFraction);
                }
            }
        }
        return density;
    }

    private static double halfNormalCdf(double x, double sigma) {
        return Double.isInfinite(x) ? 1 : Erf.erf(x / (sigma * Math.sqrt(2)));
    }

    /** Statistics of layer {@code i}. */
    public Layer layer(int i) {
        return layers.get(i);
    }
}
