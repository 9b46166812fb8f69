package org.imcsim.functional;

import org.imcsim.mapping.CrossbarTile;

/**
 * One crossbar as a simulated chip holds it: each used cell's effective conductance in level
 * units, {@code g = (G − Gmin) / ΔG} with ΔG = (Gmax − Gmin)/(L − 1), so an ideal cell at level ℓ
 * has g = ℓ (the Gmin contribution is removed by the reference column, MODEL.md §2), plus the
 * per-cell read-noise variance in the same units (null when read noise is off).
 *
 * @param tile     the mapped crossbar (levels, position in the layer)
 * @param g        row-major rowCount × physCols effective conductances, level units
 * @param readVar  row-major per-cell read-noise variance σ²(G)/ΔG², or null
 */
public record ProgrammedTile(CrossbarTile tile, float[] g, float[] readVar) {

    public ProgrammedTile {
        int cells = tile.rowCount() * tile.physCols();
        if (g.length != cells) {
            throw new IllegalArgumentException("g has " + g.length + " cells, tile has " + cells);
        }
        if (readVar != null && readVar.length != cells) {
            throw new IllegalArgumentException("readVar has " + readVar.length + " cells, tile has " + cells);
        }
    }

    /** The ideal programming: g equals the stored level exactly. */
    public static ProgrammedTile ideal(CrossbarTile tile) {
        byte[] levels = tile.levels();
        float[] g = new float[levels.length];
        for (int i = 0; i < levels.length; i++) {
            g[i] = levels[i] & 0xFF;
        }
        return new ProgrammedTile(tile, g, null);
    }
}
