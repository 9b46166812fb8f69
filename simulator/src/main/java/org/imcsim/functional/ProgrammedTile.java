package org.imcsim.functional;

import org.imcsim.mapping.CrossbarTile;

/**
 * One crossbar as a simulated chip holds it, in level units: conductances are divided by the
 * level step ΔG = (Gmax − Gmin)/(L − 1) after removing Gmin (the reference column cancels the
 * nominal Gmin contribution, MODEL.md §2), so an ideal cell at level ℓ has g = ℓ.
 *
 * <p>With IR drop ({@link IrDropApproximation}), {@code g} holds the row-side effective
 * conductance (G − Lr − Gmin)/ΔG, {@code colLoss} the column-side loss Lc/ΔG, and
 * {@code fullColumn} per physical column Σ_i (G − Lr)/ΔG (the current at full drive);
 * {@code gMinLevels} is Gmin/ΔG, needed to rebuild the column's absolute current.
 *
 * @param tile        the mapped crossbar (levels, position in the layer)
 * @param g           row-major rowCount × physCols effective conductances, level units
 * @param readVar     row-major per-cell read-noise variance (σ/ΔG)², or null when reads are noise-free
 * @param colLoss     row-major column-side IR-drop loss, level units, or null without IR drop
 * @param fullColumn  per physical column Σ_i of the row-side conductance (level units), or null
 * @param gMinLevels  Gmin/ΔG
 * @param outputScale digital scale applied to the array's outputs after the ADC (global drift
 *                    compensation); 1 when not compensating
 * @param exact       for the exact IR-drop mode: the cells in siemens and the wire parameters, so
 *                    every read is a nodal solve (then {@code g} holds the drift-free level
 *                    conductances only for bookkeeping); null otherwise
 */
public record ProgrammedTile(CrossbarTile tile, float[] g, float[] readVar, float[] colLoss, float[] fullColumn,
                             double gMinLevels, double outputScale, ExactIrDrop exact) {

    /**
     * What an exact per-read IR-drop solve needs.
     *
     * @param gS     row-major cell conductances, siemens
     * @param gMinS  Gmin (the reference column's per-cell conductance)
     * @param stepS  ΔG, the level step
     * @param wireOhm, driverOhm, senseOhm the parasitics
     */
    public record ExactIrDrop(double[] gS, double gMinS, double stepS, double wireOhm, double driverOhm, double senseOhm) {
    }

    public ProgrammedTile {
        int cells = tile.rowCount() * tile.physCols();
        if (g.length != cells) {
            throw new IllegalArgumentException("g has " + g.length + " cells, tile has " + cells);
        }
        if (readVar != null && readVar.length != cells) {
            throw new IllegalArgumentException("readVar has " + readVar.length + " cells, tile has " + cells);
        }
        if ((colLoss == null) != (fullColumn == null)) {
            throw new IllegalArgumentException("colLoss and fullColumn come together");
        }
        if (colLoss != null && (colLoss.length != cells || fullColumn.length != tile.physCols())) {
            throw new IllegalArgumentException("IR-drop arrays do not match the tile");
        }
        if (!(outputScale > 0) || !Double.isFinite(outputScale)) {
            throw new IllegalArgumentException("outputScale must be positive, got " + outputScale);
        }
    }

    /** A tile without parasitics or compensation. */
    public ProgrammedTile(CrossbarTile tile, float[] g, float[] readVar) {
        this(tile, g, readVar, null, null, 0, 1.0, null);
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

    /** Whether IR drop is modelled for this tile. */
    public boolean hasIrDrop() {
        return colLoss != null || exact != null;
    }
}
