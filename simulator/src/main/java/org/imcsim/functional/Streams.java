package org.imcsim.functional;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent random streams derived from (run seed, path), so a stream depends only on its own
 * path and never on thread scheduling or on which other streams exist.
 */
public final class Streams {

    private Streams() {
    }

    /** A fresh generator for {@code path} under {@code seed}. */
    public static RandomGenerator of(long seed, String path) {
        return new SplittableRandom(mix(seed, path));
    }

    /** A 64-bit key from seed and path: FNV-1a over the UTF-16 units, then SplitMix64 finalization with the seed. */
    public static long mix(long seed, String path) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < path.length(); i++) {
            h ^= path.charAt(i);
            h *= 0x100000001b3L;
        }
        return splitMix(splitMix(seed) ^ h);
    }

    /** SplitMix64's finalizer (Steele, Lea, Flood 2014). */
    public static long splitMix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
