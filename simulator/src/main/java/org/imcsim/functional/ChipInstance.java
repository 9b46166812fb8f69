package org.imcsim.functional;

import org.imcsim.engine.RandomStreams;
import org.imcsim.mapping.CrossbarTile;
import org.imcsim.mapping.MappedLayer;
import org.imcsim.mapping.MappingSpec;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;

/**
 * One independently programmed chip: the programmed conductances of every crossbar and its
 * ADCs. Read-only after {@link #program}; worker threads each take their own
 * {@link #newKernel kernel} over the shared tiles.
 */
public final class ChipInstance {
    private final MappedNetwork mapped;
    private final ProgrammedTile[][][] tiles; // [layer][group][tile]
    private final AdcQuantizer[][][] adcs;
    private final AdcQuantizer[][][] exactAdcs;
    private final boolean readNoise;
    private final long noiseSeed;

    private ChipInstance(MappedNetwork mapped, ProgrammedTile[][][] tiles, AdcQuantizer[][][] adcs,
                         AdcQuantizer[][][] exactAdcs, boolean readNoise, long noiseSeed) {
        this.mapped = mapped;
        this.tiles = tiles;
        this.adcs = adcs;
        this.exactAdcs = exactAdcs;
        this.readNoise = readNoise;
        this.noiseSeed = noiseSeed;
    }

    /**
     * Programs chip number {@code chip}: every tile draws from the stream
     * (seed, "chip/{chip}/{layer}/{tile}"), so chips are independent and reproducible.
     */
    public static ChipInstance program(MappedNetwork mapped, TileProgrammer programmer, long seed, int chip) {
        int nl = mapped.layerCount();
        ProgrammedTile[][][] tiles = new ProgrammedTile[nl][][];
        AdcQuantizer[][][] adcs = new AdcQuantizer[nl][][];
        AdcQuantizer[][][] exact = new AdcQuantizer[nl][][];
        FunctionalSpec fs = mapped.spec();
        MappingSpec ms = fs.mapping();
        boolean analog = ms.signed() == SignedScheme.DIFFERENTIAL && ms.subtraction() == Subtraction.ANALOG;
        for (int l = 0; l < nl; l++) {
            MappedLayer[] groups = mapped.layer(l);
            tiles[l] = new ProgrammedTile[groups.length][];
            adcs[l] = new AdcQuantizer[groups.length][];
            exact[l] = new AdcQuantizer[groups.length][];
            double calHi = mapped.adcHi(l);
            for (int g = 0; g < groups.length; g++) {
                MappedLayer m = groups[g];
                int nt = m.crossbars();
                tiles[l][g] = new ProgrammedTile[nt];
                adcs[l][g] = new AdcQuantizer[nt];
                exact[l][g] = new AdcQuantizer[nt];
                for (int t = 0; t < nt; t++) {
                    CrossbarTile tile = m.tiles().get(t);
                    tiles[l][g][t] = programmer.program(tile,
                            RandomStreams.derive(seed, "chip/" + chip + "/" + m.name() + "/" + tile.rowBlock() + "," + tile.colBlock()));
                    double full = CrossbarLayerKernel.fullRange(tile, ms);
                    double hi = Double.isNaN(calHi) ? full : calHi;
                    AdcQuantizer adc = analog ? AdcQuantizer.signed(fs.adcBits(), hi) : AdcQuantizer.unsigned(fs.adcBits(), 0, hi);
                    adcs[l][g][t] = adc.withImpairments(fs.adcNoiseLsb(), fs.adcOffsetLsb());
                    // an ADC fine enough to be exact on integer sums: for calibration and exactness checks
                    int bits = AdcQuantizer.exactBits((long) full) + (analog ? 1 : 0);
                    exact[l][g][t] = analog ? AdcQuantizer.signed(bits, full) : AdcQuantizer.unsigned(bits, 0, full);
                }
            }
        }
        boolean draws = programmer.hasReadNoise() || fs.adcNoiseLsb() > 0;
        return new ChipInstance(mapped, tiles, adcs, exact, draws, RandomStreams.seedFor(seed, "read-noise/chip/" + chip));
    }

    public MappedNetwork mapped() {
        return mapped;
    }

    /** Programmed tiles of layer {@code l}, group {@code g}. */
    public ProgrammedTile[] tiles(int l, int g) {
        return tiles[l][g];
    }

    /** Whether reads draw noise. */
    public boolean hasReadNoise() {
        return readNoise;
    }

    /** Seed of this chip's read-noise streams (combined with a batch index by the kernel). */
    public long noiseSeed() {
        return noiseSeed;
    }

    /**
     * A kernel for one worker thread.
     *
     * @param exactAdc use ADCs with enough bits to be exact over the full range (calibration,
     *                 exactness checks) instead of the configured ones
     */
    public CrossbarMatrixKernel newKernel(boolean exactAdc) {
        int nl = tiles.length;
        CrossbarLayerKernel[][] ks = new CrossbarLayerKernel[nl][];
        PlaneScratch scratch = new PlaneScratch(); // layers run one at a time on a worker: one set of buffers
        for (int l = 0; l < nl; l++) {
            MappedLayer[] groups = mapped.layer(l);
            ks[l] = new CrossbarLayerKernel[groups.length];
            for (int g = 0; g < groups.length; g++) {
                ks[l][g] = new CrossbarLayerKernel(groups[g], tiles[l][g], exactAdc ? exactAdcs[l][g] : adcs[l][g],
                        mapped.input(l).signed(), scratch);
            }
        }
        return new CrossbarMatrixKernel(mapped, ks, readNoise, noiseSeed);
    }
}
