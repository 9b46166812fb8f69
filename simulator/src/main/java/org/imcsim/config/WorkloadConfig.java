package org.imcsim.config;

/**
 * {@code workload:} the network and the data. Relative paths are resolved by the workload loader
 * against {@link ConfigDocument#baseDirectory()} (the config file's folder; the working directory
 * for presets and {@code --set} values).
 *
 * @param network      a zoo network name (e.g. {@code vgg8}) or an ONNX file path
 * @param dataset      a shipped dataset name (e.g. {@code fashion-mnist}) or a path; null for hardware-only runs
 * @param sparsity     fraction of weights pruned to zero (seeded), for studies of sparse networks
 * @param sparsityType pruning granularity
 * @param zeroPadding  model convolution zero padding (NeuroSim omits it)
 */
public record WorkloadConfig(
        @Param(description = "zoo network name (mlp-fmnist, lenet5, vgg8, ...) or an ONNX file path")
        String network,
        @Param(defaultValue = Param.NONE,
               description = "dataset: a shipped name (fashion-mnist, digits, ...) or a path; absent: hardware-only run, no accuracy")
        String dataset,
        @Param(defaultValue = "0", min = 0, max = 1, maxExclusive = true, description = "fraction of weights pruned to zero (seeded)")
        double sparsity,
        @Param(defaultValue = "unstructured", description = "pruning granularity for sparsity")
        SparsityType sparsityType,
        @Param(defaultValue = "true",
               description = "model convolution zero padding; false reproduces NeuroSim, which computes only the unpadded positions")
        boolean zeroPadding) {

    public WorkloadConfig {
        Check.text("network", network);
        if (dataset != null) {
            Check.text("dataset", dataset);
        }
        Check.range("sparsity", sparsity, 0, false, 1, true);
        Check.present("sparsityType", sparsityType);
    }

    /** Pruning granularity. */
    public enum SparsityType implements ConfigChoice {
        UNSTRUCTURED("unstructured", "individual weights"),
        FILTER("filter", "whole output channels (channel/filter pruning)"),
        CROSSBAR_ROW("crossbar-row", "whole rows of crossbar-sized blocks of the weight matrix"),
        CROSSBAR_COLUMN("crossbar-column", "whole columns of crossbar-sized blocks of the weight matrix"),
        CROSSBAR_BLOCK("crossbar-block", "whole crossbar-sized blocks (crossbar pruning)");

        private final String configName;
        private final String meaning;

        SparsityType(String configName, String meaning) {
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
