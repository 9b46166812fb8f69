package org.imcsim.workload.zoo;

import java.util.random.RandomGenerator;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.Network;
import org.imcsim.workload.RandomStreams;

/**
 * NeuroSim's synthetic workload (shared/reference/neurosim-vgg8.md), so that data-dependent
 * energies are compared on the same statistics NeuroSim's published numbers used.
 *
 * <ul>
 *   <li><b>Weights</b>: i.i.d. {@code q} uniform over the integers [−127, 127], {@code w = q/128}
 *   (uniform in ±(1 − 1/128) on the 8-bit grid).</li>
 *   <li><b>Inputs of crossbar layer 0</b>: uniform over the 8-bit two's-complement codes
 *   [−128, 127], value {@code code/128} ∈ [−1, 1); bit density 0.5.</li>
 *   <li><b>Inputs of layers 1+</b>: zero with probability 1/2, otherwise {@code |N(0, 0.2)|}
 *   clipped to 127/128 and truncated to 7 fractional bits: {@code code = min(floor(128·|z|), 127)},
 *   value {@code code/128}. Truncation (not rounding) reproduces the 0.154 bit density of
 *   NeuroSim's trace (rounding gives 0.157).</li>
 * </ul>
 * Input vectors are drawn per crossbar layer from the stream (seed, {@code "synthetic/inputs/<layer>"}),
 * weights from (seed, {@code "synthetic/weights/<layer>"}).
 */
public final class SyntheticTrace {
    /** Bits of the synthetic weights and inputs. */
    public static final int BITS = 8;
    /** Standard deviation of the half-normal non-zero inputs of layers 1+. */
    public static final double HIDDEN_SIGMA = 0.2;
    /** Fraction of zero inputs in layers 1+. */
    public static final double HIDDEN_ZERO_FRACTION = 0.5;

    private SyntheticTrace() {
    }

    /** Fills {@code w} with NeuroSim synthetic weights {@code q/128}, q uniform in [−127, 127]. */
    public static void fillNeurosimWeights(RandomGenerator rng, float[] w) {
        for (int i = 0; i < w.length; i++) {
            w[i] = (rng.nextInt(255) - 127) / 128f;
        }
    }

    /** {@code network} with every crossbar layer's weights replaced by synthetic ones and no bias. */
    public static Network withNeurosimWeights(Network network, long seed) {
        Network result = network;
        for (CrossbarLayer l : network.crossbarLayers()) {
            float[] w = new float[l.rows() * l.cols()];
            fillNeurosimWeights(RandomStreams.derive(seed, "synthetic/weights/" + l.name()), w);
            result = result.withWeights(l.name(), w, null);
        }
        return result;
    }

    /** The synthetic input-vector generator of crossbar layer {@code layer} of {@code network}. */
    public static LayerInputs inputs(Network network, int layer, long seed) {
        CrossbarLayer l = network.crossbarLayers().get(layer);
        return new LayerInputs(l.rows(), layer == 0, RandomStreams.derive(seed, "synthetic/inputs/" + l.name()));
    }

    /**
     * A deterministic sequence of synthetic input vectors (length K) for one layer. Not thread-safe;
     * create one per consumer.
     */
    public static final class LayerInputs {
        private final int length;
        private final boolean signed;
        private final RandomGenerator rng;

        LayerInputs(int length, boolean signed, RandomGenerator rng) {
            this.length = length;
            this.signed = signed;
            this.rng = rng;
        }

        /** Vector length K (the layer's fan-in). */
        public int length() {
            return length;
        }

        /** True for layer 0, whose inputs are signed two's complement; later layers are non-negative. */
        public boolean signed() {
            return signed;
        }

        /**
         * Draws the next vector: {@code codes[i]} the 8-bit integer (signed for layer 0, in [0, 127]
         * otherwise), {@code values[i] = codes[i]/128}. Either array may be null; each non-null one
         * needs at least {@link #length()} elements.
         */
        public void next(float[] values, int[] codes) {
            for (int i = 0; i < length; i++) {
                int q;
                if (signed) {
                    q = rng.nextInt(256) - 128;
                } else if (rng.nextDouble() < HIDDEN_ZERO_FRACTION) {
                    q = 0;
                } else {
                    q = (int) Math.min(Math.floor(Math.abs(rng.nextGaussian()) * HIDDEN_SIGMA * 128), 127);
                }
                if (codes != null) {
                    codes[i] = q;
                }
                if (values != null) {
                    values[i] = q / 128f;
                }
            }
        }
    }
}
