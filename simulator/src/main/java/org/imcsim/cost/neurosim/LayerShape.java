package org.imcsim.cost.neurosim;

/**
 * One crossbar layer as NeuroSim's network CSV describes it: input feature map H × W × Cin, a
 * kH × kW kernel, Cout outputs, whether a 2×2 max-pool follows, and the stride. A fully connected
 * layer is H = W = kH = kW = 1 with Cin inputs.
 *
 * @param name  layer name for reports
 * @param ifmH  input height
 * @param ifmW  input width
 * @param cin   input channels (fan-in per kernel position)
 * @param kH    kernel height
 * @param kW    kernel width
 * @param cout  output channels
 * @param pool  followed by a 2×2 max-pool
 * @param stride convolution stride
 */
public record LayerShape(String name, int ifmH, int ifmW, int cin, int kH, int kW, int cout, boolean pool,
                         int stride) {

    public LayerShape {
        if (ifmH <= 0 || ifmW <= 0 || cin <= 0 || kH <= 0 || kW <= 0 || cout <= 0 || stride <= 0) {
            throw new IllegalArgumentException(name + ": every dimension must be positive");
        }
        if (kH > ifmH || kW > ifmW) {
            throw new IllegalArgumentException(name + ": kernel larger than the input");
        }
    }

    /** A convolution with stride 1. */
    public static LayerShape conv(String name, int hw, int cin, int k, int cout, boolean pool) {
        return new LayerShape(name, hw, hw, cin, k, k, cout, pool, 1);
    }

    /** A fully connected layer. */
    public static LayerShape fc(String name, int in, int out) {
        return new LayerShape(name, 1, 1, in, 1, 1, out, false, 1);
    }

    /** Weight-matrix rows (fan-in): Cin·kH·kW. */
    public int matrixRows() {
        return cin * kH * kW;
    }

    /**
     * Output positions NeuroSim evaluates: ((H − kH + 1)/s)·((W − kW + 1)/s), without zero padding
     * (integer arithmetic as NeuroSim's).
     */
    public int positionsNoPadding() {
        return (int) ((double) (ifmH - kH + 1) / stride * (ifmW - kW + 1) / stride);
    }

    /** Operations NeuroSim counts for this layer: 2·H·W·Cin·kH·kW·Cout (padding included). */
    public double ops() {
        return 2.0 * ifmH * ifmW * cin * kH * kW * cout;
    }
}
