package org.imcsim.workload;

/**
 * The sliding-window geometry shared by convolutions and pools: kernel, stride, zero padding
 * (top/left/bottom/right, in input pixels) and dilation. All values in pixels of the input map;
 * kernel, stride and dilation are at least 1, pads at least 0.
 */
public record Window(int kernelH, int kernelW, int strideH, int strideW,
                     int padTop, int padLeft, int padBottom, int padRight,
                     int dilationH, int dilationW) {

    public Window {
        if (kernelH < 1 || kernelW < 1) {
            throw new IllegalArgumentException("kernel must be at least 1x1, got " + kernelH + "x" + kernelW);
        }
        if (strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("strides must be at least 1, got " + strideH + "x" + strideW);
        }
        if (dilationH < 1 || dilationW < 1) {
            throw new IllegalArgumentException("dilations must be at least 1, got " + dilationH + "x" + dilationW);
        }
        if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
            throw new IllegalArgumentException("pads must be non-negative");
        }
    }

    /** A square kernel {@code k}, stride {@code s}, symmetric padding {@code p}, no dilation. */
    public static Window square(int k, int s, int p) {
        return new Window(k, k, s, s, p, p, p, p, 1, 1);
    }

    /** Kernel extent in input pixels including dilation: {@code d·(k−1)+1}. */
    public int effectiveKernelH() {
        return dilationH * (kernelH - 1) + 1;
    }

    /** Kernel extent in input pixels including dilation: {@code d·(k−1)+1}. */
    public int effectiveKernelW() {
        return dilationW * (kernelW - 1) + 1;
    }

    /**
     * Output height for input height {@code h}: {@code floor((h + pt + pb − ek)/s) + 1}, or with
     * {@code ceil} the ONNX ceil_mode rounding (a last window must start inside the input or top pad).
     */
    public int outputHeight(int h, boolean ceil) {
        return outSize(h, padTop, padBottom, effectiveKernelH(), strideH, ceil);
    }

    /** Output width, as {@link #outputHeight}. */
    public int outputWidth(int w, boolean ceil) {
        return outSize(w, padLeft, padRight, effectiveKernelW(), strideW, ceil);
    }

    private static int outSize(int in, int p0, int p1, int ek, int s, boolean ceil) {
        int span = in + p0 + p1 - ek;
        if (span < 0) {
            throw new IllegalArgumentException("kernel extent " + ek + " exceeds padded input " + (in + p0 + p1));
        }
        int out = (ceil ? (span + s - 1) / s : span / s) + 1;
        if (ceil && (out - 1) * s >= in + p0) {
            out--; // ONNX/PyTorch: the last window may not start in the end padding
        }
        return out;
    }

    /** True when there is no zero padding on any side. */
    public boolean unpadded() {
        return padTop == 0 && padLeft == 0 && padBottom == 0 && padRight == 0;
    }
}
