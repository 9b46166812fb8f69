package org.imcsim.functional;

import java.util.random.RandomGenerator;
import org.imcsim.engine.RandomStreams;
import org.imcsim.mapping.MappedLayer;
import org.imcsim.workload.CrossbarLayer;
import org.imcsim.workload.MatrixKernel;

/**
 * The functional simulator's {@link MatrixKernel}: quantizes each crossbar layer's input
 * vectors, runs them through the layer's programmed crossbars bit-serially with ADC
 * quantization and shift-add ({@link CrossbarLayerKernel}), and rescales the integer results by
 * s_x·s_w (a shift when both are powers of two). The float forward pass around it does im2col,
 * bias, activations, pooling and residual adds.
 *
 * <p>One instance per worker thread (it owns scratch buffers). Read noise is drawn from a stream
 * reset by {@link #beginBatch} from (chip seed, batch index), so results do not depend on which
 * thread runs which batch.
 */
public final class CrossbarMatrixKernel implements MatrixKernel {
    private final MappedNetwork mapped;
    private final CrossbarLayerKernel[][] kernels;
    private final boolean readNoise;
    private final long noiseSeed;
    private final ReadActivity[] activity;
    private int[] xq = new int[0];
    private double[] yq = new double[0];
    private RandomGenerator noise;
    private boolean recordActivity;

    CrossbarMatrixKernel(MappedNetwork mapped, CrossbarLayerKernel[][] kernels, boolean readNoise, long noiseSeed) {
        this.mapped = mapped;
        this.kernels = kernels;
        this.readNoise = readNoise;
        this.noiseSeed = noiseSeed;
        this.activity = new ReadActivity[kernels.length];
        for (int i = 0; i < activity.length; i++) {
            activity[i] = new ReadActivity();
        }
        this.noise = RandomStreams.derive(noiseSeed, "batch/0");
    }

    /** Resets the read-noise stream for batch number {@code batch}. */
    public void beginBatch(long batch) {
        noise = RandomStreams.derive(noiseSeed, "batch/" + batch);
    }

    /** Records pre-ADC partial sums of layer i into sinks[i] (calibration). */
    void recordPartialSums(PercentileSketch[] sinks) {
        for (int l = 0; l < kernels.length; l++) {
            for (CrossbarLayerKernel k : kernels[l]) {
                k.recordPartialSums(sinks[l]);
            }
        }
    }

    /** Turns on read-activity bookkeeping (data-dependent energy); accuracy runs leave it off. */
    public void recordActivity(boolean on) {
        this.recordActivity = on;
    }

    /** Accumulated read activity of crossbar layer {@code l} since recording was turned on. */
    public ReadActivity activity(int l) {
        return activity[l];
    }

    @Override
    public void multiply(CrossbarLayer layer, int group, float[] x, int vectors, float[] y) {
        int l = layer.index();
        InputQuantizer iq = mapped.input(l);
        MappedLayer m = mapped.layer(l)[group];
        int k = m.k();
        int n = m.n();
        int len = vectors * k;
        if (xq.length < len) {
            xq = new int[len];
        }
        if (yq.length < vectors * n) {
            yq = new double[vectors * n];
        }
        iq.quantize(x, len, xq);
        kernels[l][group].multiply(xq, vectors, yq, readNoise ? noise : null, recordActivity ? activity[l] : null);
        double[] sw = m.weights().scale();
        double sx = iq.scale();
        for (int v = 0; v < vectors; v++) {
            int b = v * n;
            for (int j = 0; j < n; j++) {
                y[b + j] = (float) (yq[b + j] * sx * sw[j]);
            }
        }
    }
}
