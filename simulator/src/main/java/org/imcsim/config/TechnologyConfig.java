package org.imcsim.config;

import java.util.List;
import org.imcsim.units.Dimension;

/**
 * {@code technology:} the CMOS process the periphery is built in and which cost tables apply.
 *
 * @param nodeM       feature size in metres; one of the nodes the technology tables cover
 * @param costProfile which published circuit models price the components
 */
public record TechnologyConfig(
        @Param(key = "node", unit = Dimension.LENGTH, defaultValue = "22nm",
               description = "CMOS technology node; one of 130, 90, 65, 45, 32, 22 nm (the nodes the cost tables cover)")
        double nodeM,
        @Param(defaultValue = "neurosim",
               description = "component cost models: neurosim (NeuroSim V1.4 circuit models, any organisation) or isaac (ISAAC's Table 6, only for ISAAC's organisation: sar ADC, sampleHold, 0T1R, mesh, edram buffers, overlapped dataflow; docs/cost-models.md §8)")
        CostProfile costProfile) {

    /** The nodes the technology tables cover, in nanometres, largest first. */
    public static final List<Integer> SUPPORTED_NODES_NM = List.of(130, 90, 65, 45, 32, 22);

    public TechnologyConfig {
        double nm = nodeM * 1e9;
        long rounded = Math.round(nm);
        if (!Double.isFinite(nm) || Math.abs(nm - rounded) > 1e-6 || !SUPPORTED_NODES_NM.contains((int) rounded)) {
            throw new InvalidValueException("node", "must be one of 130nm, 90nm, 65nm, 45nm, 32nm, 22nm, got "
                    + QuantityText.format(nodeM, Dimension.LENGTH));
        }
        Check.present("costProfile", costProfile);
    }

    /** The node in whole nanometres (e.g. 22). */
    public int nodeNm() {
        return (int) Math.round(nodeM * 1e9);
    }

    /** Which published circuit models price the components. */
    public enum CostProfile implements ConfigChoice {
        NEUROSIM("neurosim", "NeuroSim V1.4 circuit models (subarray, MLSA/SAR ADC, shift-add, buffers, bus/H-tree)"),
        ISAAC("isaac", "ISAAC's component table (Shafiee et al., ISCA 2016, Table 6; 32 nm, node-scaled) for ISAAC's organisation");

        private final String configName;
        private final String meaning;

        CostProfile(String configName, String meaning) {
            this.configName = configName;
            this.meaning = meaning;
        }

        @Override
        public String configName() {
            return configName;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }
}
