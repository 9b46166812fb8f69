package org.imcsim.cost;

import java.util.Objects;

/**
 * Provenance of a cost figure: which model produced it and which publication (or calibration) its
 * equations and constants come from. Every {@link ComponentCost} carries one, and reports print it.
 *
 * @param model    short model name, e.g. {@code "neurosim.MultilevelSenseAmp"}
 * @param citation human-readable reference, e.g. a paper and the file/table of the constants
 */
public record Source(String model, String citation) {

    /** NeuroSim V1.4 (Lu et al.), the C++ models in neurosim/DNN_NeuroSim_V1.4 (CC BY-NC 4.0). */
    public static final String NEUROSIM_V14 = "DNN+NeuroSim V1.4 (A. Lu et al., 2024; github neurosim/DNN_NeuroSim_V1.4 @ac828e6, CC BY-NC 4.0)";
    /** DNN+NeuroSim V2.0 paper (Peng, Huang, Luo, Yu, IEEE TCAD 2021). */
    public static final String NEUROSIM_V2 = "X. Peng et al., DNN+NeuroSim V2.0, IEEE TCAD 40(11), 2021";
    /** The original NeuroSim paper (Chen, Peng, Yu, IEEE TCAD 2018). */
    public static final String NEUROSIM_TCAD18 = "P.-Y. Chen, X. Peng, S. Yu, NeuroSim, IEEE TCAD 37(12), 2018";
    /** Predictive Technology Model, Arizona State University. */
    public static final String PTM = "PTM bulk CMOS models (ptm.asu.edu), as tabulated in NeuroSim Technology.cpp";
    /** CACTI effective-resistance multiplier and Horowitz delay. */
    public static final String CACTI = "CACTI 6.5 (Muralimanohar et al.) gate-delay model, as used by NeuroSim formula.cpp";

    public Source {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(citation, "citation");
    }

    /** A NeuroSim-derived model named {@code neurosim.<block>}. */
    public static Source neurosim(String block, String detail) {
        return new Source("neurosim." + block, NEUROSIM_V14 + "; " + detail);
    }

    @Override
    public String toString() {
        return model + " [" + citation + "]";
    }
}
