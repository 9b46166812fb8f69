package org.imcsim.mapping;

import java.util.Locale;

/** How signed weights are stored in unsigned conductances (MODEL.md §2). */
public enum SignedScheme {
    /** q⁺ = max(q,0) and q⁻ = max(−q,0) on a pair of adjacent columns; magnitude has weightBits−1 bits. */
    DIFFERENTIAL,
    /** q + 2^(weightBits−1) − 1 stored unsigned (weightBits bits); the offset is removed digitally with Σx. */
    OFFSET,
    /** One device per weight; legal only where every weight of a crossbar has one sign; the sign is applied digitally. */
    UNIPOLAR;

    /** The config spelling, e.g. {@code "differential"}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
