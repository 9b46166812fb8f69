package org.imcsim.workload;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent random streams derived from (run seed, path), so that adding a layer or a consumer
 * never perturbs another's draws (DESIGN.md §3). The path's UTF-8 bytes are folded into the seed
 * with the SplitMix64 finalizer (Steele, Lea, Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014) and the result seeds a {@link SplittableRandom}.
 */
public final class RandomStreams {
    private RandomStreams() {
    }

    /** A generator for {@code path} under {@code seed}; equal arguments give equal sequences. */
    public static RandomGenerator derive(long seed, String path) {
        return new SplittableRandom(mix(seed, path));
    }

    /** The 64-bit seed {@link #derive} uses. */
    public static long mix(long seed, String path) {
        long h = mix64(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            h = mix64(h ^ (b & 0xffL));
        }
        return h;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
