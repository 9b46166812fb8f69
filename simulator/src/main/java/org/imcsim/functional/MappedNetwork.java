package org.imcsim.functional;

import java.util.ArrayList;
import java.util.List;
import org.imcsim.mapping.LayerMapper;
import org.imcsim.mapping.MappedLayer;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.FloatForward;
import org.imcsim.workload.FloatMatrixKernel;
import org.imcsim.workload.MatrixKernel;
import org.imcsim.workload.Network;

/**
 * A network mapped onto crossbars and calibrated, independent of any particular chip: per
 * crossbar layer and group the {@link MappedLayer}, per layer the input quantizer, and (for the
 * calibrated ADC range) per layer the ADC's upper bound. Chips are programmed from it with
 * {@link ChipInstance#program}. Immutable after {@link #build}.
 */
public final class MappedNetwork {
    private final Network network;
    private final FunctionalSpec spec;
    private final MappedLayer[][] layers; // [crossbar layer][group]
    private final InputQuantizer[] inputs;
    private final double[] adcHi; // per crossbar layer; NaN for the full range

    private MappedNetwork(Network network, FunctionalSpec spec, MappedLayer[][] layers, InputQuantizer[] inputs, double[] adcHi) {
        this.network = network;
        this.spec = spec;
        this.layers = layers;
        this.inputs = inputs;
        this.adcHi = adcHi;
    }

    /**
     * Maps every crossbar layer, calibrates input scales on {@code calibration} (float forward
     * pass) and, for the calibrated ADC range, the ADC ranges on the ideal chip.
     *
     * @param calibration {@code count × inputSize} samples in the network's input layout
     */
    public static MappedNetwork build(Network network, FunctionalSpec spec, float[] calibration, int count) {
        List<CrossbarLayer> xls = network.crossbarLayers();
        MappingSpec ms = spec.mapping();
        MappedLayer[][] mapped = new MappedLayer[xls.size()][];
        for (CrossbarLayer xl : xls) {
            float[] m = xl.copyMatrix();
            int k = xl.rows();
            int n = xl.cols();
            int groups = xl.groups();
            int cpg = xl.colsPerGroup();
            mapped[xl.index()] = new MappedLayer[groups];
            for (int g = 0; g < groups; g++) {
                float[] sub = new float[k * cpg];
                for (int r = 0; r < k; r++) {
                    System.arraycopy(m, r * n + g * cpg, sub, r * cpg, cpg);
                }
                String name = groups == 1 ? xl.name() : xl.name() + "/g" + g;
                try {
                    mapped[xl.index()][g] = LayerMapper.map(name, sub, k, cpg, ms);
                } catch (IllegalArgumentException e) {
                    String prefix = "layer " + name + ": ";
                    String msg = e.getMessage() == null ? "" : e.getMessage();
                    throw new IllegalArgumentException(msg.startsWith(prefix) ? msg : prefix + msg, e);
                }
            }
        }
        // 1. input scales from the float activations at each crossbar layer's input
        PercentileSketch[] xs = new PercentileSketch[xls.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = new PercentileSketch(1 << 20);
        }
        MatrixKernel floatKernel = new FloatMatrixKernel(network);
        MatrixKernel recording = (layer, group, x, vectors, y) -> {
            PercentileSketch s = xs[layer.index()];
            int len = vectors * layer.rows();
            for (int i = 0; i < len; i++) {
                s.add(x[i]);
            }
            floatKernel.multiply(layer, group, x, vectors, y);
        };
        new FloatForward(network, recording).run(calibration, count);
        InputQuantizer[] inputs = new InputQuantizer[xls.size()];
        for (int i = 0; i < inputs.length; i++) {
            boolean signed = xs[i].min() < 0;
            double maxAbs = spec.inputPercentile() >= 100
                    ? Math.max(Math.abs(xs[i].min()), xs[i].max())
                    : absPercentile(xs[i], spec.inputPercentile());
            try {
                inputs[i] = InputQuantizer.calibrated(maxAbs, signed, ms.inputBits());
            } catch (InputQuantizer.TooFewBitsException e) {
                throw new InputQuantizer.TooFewBitsException("layer " + xls.get(i).name() + ": " + e.getMessage());
            }
        }
        double[] hi = new double[xls.size()];
        java.util.Arrays.fill(hi, Double.NaN);
        MappedNetwork partial = new MappedNetwork(network, spec, mapped, inputs, hi);
        if (spec.adcRange() == AdcRange.CALIBRATED) {
            // 2. ADC ranges from the partial sums of the ideal chip (exact ADC) on the same images
            ChipInstance ideal = ChipInstance.program(partial, TileProgrammer.IDEAL, 0L, 0);
            PercentileSketch[] ps = new PercentileSketch[xls.size()];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = new PercentileSketch(1 << 20);
            }
            CrossbarMatrixKernel k = ideal.newKernel(true);
            k.recordPartialSums(ps);
            new FloatForward(network, k).run(calibration, count);
            for (int i = 0; i < hi.length; i++) {
                double h = ps[i].percentile(spec.adcPercentile());
                hi[i] = h > 0 ? h : 1.0; // a layer whose sums were all zero gets a one-level range
            }
        }
        return partial;
    }

    private static double absPercentile(PercentileSketch s, double q) {
        // inputs are either non-negative (post-ReLU) or roughly symmetric; use the larger tail
        double top = s.percentile(q);
        double bottom = -s.percentile(100 - q);
        return Math.max(top, Math.max(bottom, 0));
    }

    public Network network() {
        return network;
    }

    public FunctionalSpec spec() {
        return spec;
    }

    /** Mapped groups of crossbar layer {@code index}. */
    public MappedLayer[] layer(int index) {
        return layers[index];
    }

    public int layerCount() {
        return layers.length;
    }

    /** Input quantizer of crossbar layer {@code index}. */
    public InputQuantizer input(int index) {
        return inputs[index];
    }

    /** Calibrated ADC upper bound of layer {@code index} (level units), or NaN for the full range. */
    public double adcHi(int index) {
        return adcHi[index];
    }

    /** Crossbars allocated over all layers. */
    public int crossbars() {
        int c = 0;
        for (MappedLayer[] gs : layers) {
            for (MappedLayer m : gs) {
                c += m.crossbars();
            }
        }
        return c;
    }
}
