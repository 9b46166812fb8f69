package org.imcsim.engine;

import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Independent, reproducible random streams: one per path (e.g. {@code chip.tile0.adc3}), all
 * derived from one run seed. The stream of a path depends only on (seed, path), so adding,
 * removing or reordering other components never perturbs it.
 *
 * <p>Derivation (stable across JVMs and platforms, fixed by a test):
 * <pre>
 *   pathHash = mix64(FNV-1a-64 over the UTF-16 code units of path)
 *   streamSeed = mix64(seed ^ mix64(pathHash + 0x9E3779B97F4A7C15))
 *   stream = L64X128MixRandom(streamSeed)
 * </pre>
 * where {@code mix64} is the SplitMix64 finaliser (Steele, Lea, Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014). L64X128MixRandom is an LXM generator of
 * JDK 17 (JEP 356) meant for many independently seeded instances; created through
 * {@link RandomGeneratorFactory} once per stream at setup, never on a hot path.
 */
public final class RandomStreams {
    /** The generator algorithm every stream uses. */
    public static final String ALGORITHM = "L64X128MixRandom";
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

    private final long seed;

    /** Streams for the run seed {@code seed}. */
    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The run seed. */
    public long seed() {
        return seed;
    }

    /** A fresh generator for {@code path}; equal (seed, path) give equal sequences. */
    public RandomGenerator forPath(String path) {
        return FACTORY.create(seedFor(path));
    }

    /** The 64-bit seed of the stream for {@code path}. */
    public long seedFor(String path) {
        return seedFor(seed, path);
    }

    /** The 64-bit seed of the stream for (seed, path), without creating a {@code RandomStreams}. */
    public static long seedFor(long seed, String path) {
        return mix64(seed ^ mix64(hash64(path) + GOLDEN_GAMMA));
    }

    /** A fresh generator for (seed, path): the same sequence as {@code new RandomStreams(seed).forPath(path)}. */
    public static RandomGenerator derive(long seed, String path) {
        return FACTORY.create(seedFor(seed, path));
    }

    /** A stable 64-bit hash of a string: FNV-1a over UTF-16 code units, then {@link #mix64}. */
    public static long hash64(String s) {
        Objects.requireNonNull(s, "path");
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix64(h);
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mixer with full avalanche. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
