package org.imcsim.mapping;

import java.util.Locale;

/**
 * Granularity and form of the weight scale factor s_w (MODEL.md §1). The {@code POW2} forms round
 * each scale up to a power of two so rescaling is a shift in the existing shift-add units
 * (CRIMP's integer-only datapath).
 */
public enum ScaleMode {
    /** One scale per layer: s_w = max|W| / (2^(b−1) − 1). */
    LAYER(false, false),
    /** One scale per output channel (column). */
    CHANNEL(true, false),
    /** One power-of-two scale per layer (rounded up). */
    POW2(false, true),
    /** One power-of-two scale per output channel (rounded up). */
    CHANNEL_POW2(true, true);

    private final boolean perChannel;
    private final boolean powerOfTwo;

    ScaleMode(boolean perChannel, boolean powerOfTwo) {
        this.perChannel = perChannel;
        this.powerOfTwo = powerOfTwo;
    }

    public boolean perChannel() {
        return perChannel;
    }

    public boolean powerOfTwo() {
        return powerOfTwo;
    }

    /** The config spelling: {@code layer}, {@code channel}, {@code pow2}, {@code channel-pow2}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
