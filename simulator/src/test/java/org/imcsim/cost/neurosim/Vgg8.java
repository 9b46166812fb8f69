package org.imcsim.cost.neurosim;

import java.util.List;

/** NeuroSim's VGG8 (CIFAR-10) network CSV and the reference figures it printed (neurosim-vgg8.md). */
final class Vgg8 {
    private Vgg8() {
    }

    static final List<LayerShape> NET = List.of(
            LayerShape.conv("conv1", 32, 3, 3, 128, false),
            LayerShape.conv("conv2", 32, 128, 3, 128, true),
            LayerShape.conv("conv3", 16, 128, 3, 256, false),
            LayerShape.conv("conv4", 16, 256, 3, 256, true),
            LayerShape.conv("conv5", 8, 256, 3, 512, false),
            LayerShape.conv("conv6", 8, 512, 3, 512, true),
            LayerShape.fc("fc7", 8192, 1024),
            LayerShape.fc("fc8", 1024, 10));

    /** The synthetic trace statistics the reference was produced with. */
    static ActivityStats stats() {
        return ActivityStats.neurosimSyntheticTrace(NET.size(), 8, 0.2);
    }

    /**
     * One calibration row: chip area (mm²) with categories array, IC, ADC, accum, other; clock (ns);
     * latency (µs); dynamic energy (µJ) with ADC, accum, other, buffer, IC; leakage (µJ); TOPS/W; TOPS.
     */
    record Row(String name, int adcBits, double areaMm2, double arrayMm2, double icMm2, double adcMm2,
               double accumMm2, double otherMm2, double clockNs, double latencyUs, double dynamicUj, double adcUj,
               double accumUj, double otherUj, double bufferUj, double icUj, double leakageUj, double topsPerW,
               double tops) {
    }

    static final Row BASELINE = new Row("RRAM baseline", 5, 357.96, 3.61, 26.81, 7.95, 15.45, 46.89, 1.663, 130.3,
            32.32, 17.05, 3.82, 11.45, 0.187, 6.699, 0.283, 30.97, 9.45);
    static final Row ADC3 = new Row("ADC 3-bit", 3, 301.26, 3.61, 24.53, 3.27, 13.42, 46.65, 1.422, 112.5, 18.82,
            5.13, 3.00, 10.68, 0.180, 5.937, 0.205, 53.08, 10.95);
    static final Row ADC7 = new Row("ADC 7-bit", 7, 554.26, 3.61, 33.57, 28.53, 17.49, 46.67, 2.891, 226.8, 104.62,
            86.41, 4.63, 13.58, 0.195, 8.814, 0.719, 9.59, 5.43);

    static final List<Row> ROWS = List.of(BASELINE, ADC3, ADC7);

    /** Per-layer reference of the baseline: latency ns, dynamic pJ, buffer ns, IC ns, ADC ns. */
    static final double[][] BASELINE_LAYERS = {
            {130307, 1.38455e6, 102835, 20891.6, 5988.11},
            {77139.2, 9.9e6, 38093.8, 28347.9, 5988.11},
            {38759.3, 4.31741e6, 9087.17, 23649.1, 5216.31},
            {41307, 7.83141e6, 13080.9, 21567.7, 5216.31},
            {12870.5, 2.88125e6, 2673.19, 8104.75, 1916.2},
            {23811.2, 5.46375e6, 4398.93, 15194, 3832.39},
            {725.643, 537823, 437.465, 173.406, 106.455},
            {404.297, 2251.86, 234.003, 153.452, 13.3069}};
}
