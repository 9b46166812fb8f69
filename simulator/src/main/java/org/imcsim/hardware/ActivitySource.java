package org.imcsim.hardware;

import java.util.Objects;

/**
 * Where the input bits that set the data-dependent energy come from (issue 4 §3).
 */
public sealed interface ActivitySource permits ActivitySource.Image, ActivitySource.Synthetic {

    /**
     * One real input image: the float forward pass produces every layer's input vectors, which are
     * quantized per MODEL.md §1 (unsigned, or two's complement where the layer's input is negative) with
     * the scale {@code s_x = max|x| / (2^b − 1)} (signed: {@code 2^(b−1) − 1}) calibrated on this image.
     *
     * @param input one sample in the network's input layout
     */
    record Image(float[] input) implements ActivitySource {
        public Image {
            Objects.requireNonNull(input, "input");
            input = input.clone();
        }
    }

    /**
     * NeuroSim's synthetic per-layer input statistics (shared/reference/neurosim-vgg8.md; 8-bit inputs:
     * layer 0 uniform two's complement, later layers half zeros and half |N(0, 0.2)|), drawn per layer
     * from (seed, layer).
     *
     * @param seed the run seed
     */
    record Synthetic(long seed) implements ActivitySource {
    }
}
