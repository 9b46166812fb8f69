package org.imcsim.workload.zoo;

/** How {@link Zoo} draws weights. */
public enum WeightInit {
    /**
     * He (Kaiming) uniform: {@code W ~ U(−b, b)}, {@code b = sqrt(6 / fanIn)} (gain √2 for ReLU;
     * He et al., "Delving deep into rectifiers", ICCV 2015), so activations keep their scale through
     * ReLU layers.
     */
    HE_UNIFORM,
    /**
     * NeuroSim's synthetic trace: i.i.d. integers {@code q} uniform in [−127, 127], {@code W = q/128},
     * i.e. uniform in ±(1 − 1/128) on the 8-bit grid (shared/reference/neurosim-vgg8.md).
     */
    NEUROSIM
}
