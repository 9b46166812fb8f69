package org.imcsim.workload;

/**
 * Computes a crossbar layer's matrix products for {@link FloatForward}: the plug-in point where the
 * functional simulator substitutes its quantized, bit-serial, noisy crossbar model for the float
 * product while the forward pass keeps doing im2col, bias, activations, pooling and residual adds.
 */
@FunctionalInterface
public interface MatrixKernel {
    /**
     * For {@code v < vectors} and {@code j < layer.colsPerGroup()}:
     * {@code y[v·cpg + j] = Σ_{r<K} x[v·K + r] · M[r][g·cpg + j]} with {@code M} the layer's matrix
     * ({@link CrossbarLayer#weight(int, int)}), {@code K = layer.rows()}, {@code cpg =
     * layer.colsPerGroup()}, {@code g = group}. Bias is not included (the forward pass adds it).
     *
     * <p>{@code x} holds one input vector per row in the im2col order of {@link CrossbarLayer}. For a
     * convolution the vectors of one call are the output positions of one image, row-major over
     * (oy, ox); for a Dense layer they are the images of the batch. The arrays may be longer than
     * needed; the kernel writes only the first {@code vectors·cpg} elements of {@code y}. Called by one
     * thread per {@link FloatForward#run} call.
     */
    void multiply(CrossbarLayer layer, int group, float[] x, int vectors, float[] y);
}
