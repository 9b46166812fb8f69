package org.imcsim.arch;

/**
 * The primitive payload naming one input vector in flight: layer (12 bits), copy of the layer
 * (12 bits), image (8 bits) and vector index within the image (32 bits), packed in a {@code long} so
 * ports carry it without allocation.
 */
public final class Token {
    /** Largest layer index + 1. */
    public static final int MAX_LAYERS = 1 << 12;
    /** Largest copy index + 1. */
    public static final int MAX_REPLICAS = 1 << 12;
    /** Largest image index + 1. */
    public static final int MAX_IMAGES = 1 << 8;

    private Token() {
    }

    /** Packs the four fields (each checked against its range). */
    public static long pack(int layer, int replica, int image, long vector) {
        if (layer < 0 || layer >= MAX_LAYERS || replica < 0 || replica >= MAX_REPLICAS || image < 0
                || image >= MAX_IMAGES || vector < 0 || vector > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("token field out of range: layer " + layer + ", replica " + replica
                    + ", image " + image + ", vector " + vector);
        }
        return ((long) layer << 52) | ((long) replica << 40) | ((long) image << 32) | vector;
    }

    /** The layer index. */
    public static int layer(long token) {
        return (int) (token >>> 52);
    }

    /** The copy index within the layer. */
    public static int replica(long token) {
        return (int) ((token >>> 40) & 0xFFF);
    }

    /** The image index. */
    public static int image(long token) {
        return (int) ((token >>> 32) & 0xFF);
    }

    /** The vector index within the image. */
    public static int vector(long token) {
        return (int) (token & 0xFFFF_FFFFL);
    }
}
