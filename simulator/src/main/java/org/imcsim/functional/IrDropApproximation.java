package org.imcsim.functional;

import java.util.Arrays;

/**
 * Fast, position- and data-dependent IR-drop approximation, validated against
 * {@link IrDropSolver} (error stated in docs/models.md).
 *
 * <p>Once per programmed array, the exact network is solved with every row driven at the same
 * voltage V. Cell (i, j) then loses part of its ideal voltage on the row side (V − a_ij: wordline
 * and driver resistance) and part on the column side (b_ij: bitline and sense resistance). The
 * row-side loss of a driven row is set by that row's own current, so it hardly depends on which
 * other rows are driven; the column-side loss is set by the column's total current. Hence
 * <pre>  I_j ≈ Σ_i V_i·(G_ij − Lr_ij) − κ_j · Σ_i V_i·Lc_ij,
 *   Lr_ij = G_ij·(V − a_ij)/V,  Lc_ij = G_ij·b_ij/V,
 *   κ_j = Σ_i V_i·(G_ij − Lr_ij) / Σ_i V·(G_ij − Lr_ij)   (the column's current relative to full drive)</pre>
 * Far cells (far from driver and sense amplifier) and cells of high-conductance columns get the
 * largest losses. The crossbar kernel evaluates this with two accumulations per read (over
 * G − Lr and over Lc), about twice the cost of an ideal read instead of the O(sweeps·R·C) of
 * the exact solve.
 *
 * @param rowSideS    G − Lr per cell (S), row-major R×C
 * @param colLossS    Lc per cell (S), row-major R×C
 * @param fullColumnS Σ_i (G_ij − Lr_ij) per column (S): the κ denominator divided by V
 */
public record IrDropApproximation(int rows, int cols, double[] rowSideS, double[] colLossS, double[] fullColumnS) {

    /** Builds the approximation of one array from one exact solve at uniform full drive. */
    public static IrDropApproximation of(IrDropSolver solver, int rows, int cols, double[] gS) {
        double[] v = new double[rows];
        Arrays.fill(v, 1.0);
        double[] a = new double[rows * cols];
        double[] b = new double[rows * cols];
        solver.solve(gS, v, a, b);
        double[] rowSide = new double[rows * cols];
        double[] colLoss = new double[rows * cols];
        double[] full = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int idx = i * cols + j;
                rowSide[idx] = gS[idx] * a[idx];
                colLoss[idx] = gS[idx] * b[idx];
                full[j] += rowSide[idx];
            }
        }
        return new IrDropApproximation(rows, cols, rowSide, colLoss, full);
    }

    /** Column currents (A) of the approximation for row drive voltages v (V), vFull the full-scale drive. */
    public double[] columnCurrents(double[] v, double vFull) {
        double[] acc1 = new double[cols];
        double[] acc2 = new double[cols];
        for (int i = 0; i < rows; i++) {
            if (v[i] == 0) {
                continue;
            }
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                acc1[j] += v[i] * rowSideS[base + j];
                acc2[j] += v[i] * colLossS[base + j];
            }
        }
        double[] out = new double[cols];
        for (int j = 0; j < cols; j++) {
            double kappa = fullColumnS[j] > 0 ? acc1[j] / (vFull * fullColumnS[j]) : 0;
            out[j] = acc1[j] - kappa * acc2[j];
        }
        return out;
    }

    /** Column currents with no parasitics: Σ_i V_i·G_ij. */
    public static double[] idealCurrents(double[] gS, int rows, int cols, double[] v) {
        double[] out = new double[cols];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += v[i] * gS[base + j];
            }
        }
        return out;
    }
}
