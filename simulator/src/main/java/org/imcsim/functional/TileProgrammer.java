package org.imcsim.functional;

import java.util.random.RandomGenerator;
import org.imcsim.mapping.CrossbarTile;

/**
 * Turns a mapped crossbar's levels into the conductances one simulated chip actually holds
 * (programming noise, stuck cells, drift at the inference time, read-noise variance, IR drop),
 * in level units (see {@link ProgrammedTile}). Implementations are stateless and thread-safe;
 * all randomness comes from {@code rng}, which the caller derives from (seed, chip, tile path).
 */
public interface TileProgrammer {

    /** Programs one crossbar of one chip. */
    ProgrammedTile program(CrossbarTile tile, RandomGenerator rng);

    /** True when this programmer adds read noise (the kernel then needs a random stream). */
    boolean hasReadNoise();

    /** The noise-free reference: g equals the stored level. */
    TileProgrammer IDEAL = new TileProgrammer() {
        @Override
        public ProgrammedTile program(CrossbarTile tile, RandomGenerator rng) {
            return ProgrammedTile.ideal(tile);
        }

        @Override
        public boolean hasReadNoise() {
            return false;
        }
    };
}
