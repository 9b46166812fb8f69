package org.imcsim.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class IrDropTest {
    static final double G_ON = 1e-5;   // 100 kOhm
    static final double G_OFF = G_ON / 17;

    /** Direct dense nodal solve (modified nodal analysis) of the same circuit: the ground truth for small arrays. */
    static double[] denseSolve(int rows, int cols, double[] g, double[] v, double rw, double rs, double rk) {
        int n = 2 * rows * cols;
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        RealVector rhs = new ArrayRealVector(n);
        double gw = 1 / rw;
        double gd = 1 / (rw + rs);
        double gk = 1 / (rw + rk);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int a = i * cols + j;
                int b = rows * cols + a;
                double gc = g[a];
                // cell between a and b
                m.addToEntry(a, a, gc);
                m.addToEntry(b, b, gc);
                m.addToEntry(a, b, -gc);
                m.addToEntry(b, a, -gc);
                // row wire to the right
                if (j < cols - 1) {
                    link(m, a, a + 1, gw);
                }
                if (j == 0) {
                    m.addToEntry(a, a, gd);
                    rhs.addToEntry(a, gd * v[i]);
                }
                // column wire downwards
                if (i < rows - 1) {
                    link(m, b, b + cols, gw);
                } else {
                    m.addToEntry(b, b, gk);
                }
            }
        }
        RealVector x = new LUDecomposition(m).getSolver().solve(rhs);
        double[] out = new double[cols];
        for (int j = 0; j < cols; j++) {
            out[j] = gk * x.getEntry(rows * cols + (rows - 1) * cols + j);
        }
        return out;
    }

    private static void link(RealMatrix m, int p, int q, double g) {
        m.addToEntry(p, p, g);
        m.addToEntry(q, q, g);
        m.addToEntry(p, q, -g);
        m.addToEntry(q, p, -g);
    }

    /** Per-cell conductance lost at full drive: G − (G − Lr − Lc). */
    static double[] totalLoss(IrDropApproximation m, double[] g) {
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i] - m.rowSideS()[i] + m.colLossS()[i];
        }
        return out;
    }

    static double[] randomArray(SplittableRandom rnd, int rows, int cols) {
        double[] g = new double[rows * cols];
        for (int i = 0; i < g.length; i++) {
            int level = rnd.nextInt(4);
            g[i] = G_OFF + level * (G_ON - G_OFF) / 3;
        }
        return g;
    }

    @Test
    void lineRelaxationMatchesTheDenseNodalSolve() {
        SplittableRandom rnd = new SplittableRandom(11);
        int rows = 6;
        int cols = 5;
        // exaggerated wire resistance so the drops are large and any error would show
        double rw = 2000;
        double[] g = randomArray(rnd, rows, cols);
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = rnd.nextInt(2) * 0.5 + 0.05 * i;
        }
        double[] exact = denseSolve(rows, cols, g, v, rw, 500, 300);
        IrDropSolver s = new IrDropSolver(rows, cols, rw, 500, 300);
        double[] got = s.solve(g, v, null, null);
        for (int j = 0; j < cols; j++) {
            assertEquals(exact[j], got[j], 1e-9 * Math.abs(exact[j]) + 1e-15);
        }
        double[] ideal = IrDropApproximation.idealCurrents(g, rows, cols, v);
        for (int j = 0; j < cols; j++) {
            assertTrue(got[j] < ideal[j], "parasitics only lose current");
        }
    }

    @Test
    void farCellsAndDenseColumnsLoseMore() {
        int rows = 64;
        int cols = 64;
        double[] g = new double[rows * cols];
        java.util.Arrays.fill(g, G_ON);
        IrDropSolver s = new IrDropSolver(rows, cols, 5.0, 0, 0);
        double[] loss = totalLoss(IrDropApproximation.of(s, rows, cols, g), g);
        // relative loss = 1 - alpha; far corner (row 0, last column) worst, near corner best
        double far = loss[cols - 1] / G_ON;
        double near = loss[(rows - 1) * cols] / G_ON;
        assertTrue(far > near, "far " + far + " near " + near);
        assertTrue(loss[cols - 1] > loss[0] && loss[0] > loss[(rows - 1) * cols], "monotone in distance");
        // a column with low-conductance cells loses less than a column of ON cells
        double[] g2 = g.clone();
        for (int i = 0; i < rows; i++) {
            g2[i * cols + 10] = G_OFF;
        }
        double[] loss2 = totalLoss(IrDropApproximation.of(s, rows, cols, g2), g2);
        assertTrue(loss2[10] / G_OFF < loss[10] / G_ON, "high-conductance columns lose more");
    }

    @Test
    void approximationBeatsIgnoringParasitics() {
        SplittableRandom rnd = new SplittableRandom(5);
        int rows = 64;
        int cols = 64;
        double rw = 2.5;
        double worstApprox = 0;
        double worstIdeal = 0;
        for (int trial = 0; trial < 6; trial++) {
            double[] g = randomArray(rnd, rows, cols);
            IrDropSolver s = new IrDropSolver(rows, cols, rw, 100, 100);
            IrDropApproximation approxModel = IrDropApproximation.of(s, rows, cols, g);
            for (double density : new double[] {0.15, 0.5, 1.0}) {
                double[] v = new double[rows];
                for (int i = 0; i < rows; i++) {
                    v[i] = rnd.nextDouble() < density ? 0.2 : 0;
                }
                double[] exact = s.solve(g, v, null, null);
                double[] approx = approxModel.columnCurrents(v, 0.2);
                double[] ideal = IrDropApproximation.idealCurrents(g, rows, cols, v);
                double full = rows * 0.2 * G_ON;
                for (int j = 0; j < cols; j++) {
                    worstApprox = Math.max(worstApprox, Math.abs(approx[j] - exact[j]) / full);
                    worstIdeal = Math.max(worstIdeal, Math.abs(ideal[j] - exact[j]) / full);
                }
            }
        }
        System.out.printf("IR drop 64x64, rWire 2.5 Ohm, rSource = rSink = 100 Ohm: worst column error of the approximation %.4f%%, of ignoring parasitics %.4f%% (of full-scale current)%n",
                100 * worstApprox, 100 * worstIdeal);
        assertTrue(worstIdeal > 0.005, "the scenario must have visible IR drop, got " + worstIdeal);
        assertTrue(worstApprox < worstIdeal / 5 && worstApprox < 0.015, "approximation error " + worstApprox + " vs ignoring drop " + worstIdeal);
    }

    /**
     * The error table quoted in docs/models.md: worst and mean column-current error of the
     * approximation and of ignoring parasitics, relative to the full-scale column current, over
     * random 2-bit arrays (Ron 100 kOhm, on/off 17) and input densities 0.15 / 0.5 / 1.0.
     * Regenerate: ./mvnw -B -o -q -pl simulator -am test -Dtest=IrDropTest
     */
    @Test
    void errorTable() {
        SplittableRandom rnd = new SplittableRandom(99);
        int[] sizes = {32, 64, 128};
        double[] wires = {1.0, 2.5, 10.0};
        System.out.println("IR-drop approximation vs exact solve (driver = sense = 100 Ohm):");
        System.out.println("size  rWire  worstApprox%  meanApprox%  worstIgnore%  meanIgnore%");
        for (int size : sizes) {
            for (double rw : wires) {
                double worstA = 0, worstI = 0, sumA = 0, sumI = 0;
                long n = 0;
                int trials = size == 128 ? 2 : 4;
                for (int trial = 0; trial < trials; trial++) {
                    double[] g = randomArray(rnd, size, size);
                    IrDropSolver s = new IrDropSolver(size, size, rw, 100, 100, 1e-9, 10_000);
                    IrDropApproximation m = IrDropApproximation.of(s, size, size, g);
                    for (double density : new double[] {0.15, 0.5, 1.0}) {
                        double[] v = new double[size];
                        for (int i = 0; i < size; i++) {
                            v[i] = rnd.nextDouble() < density ? 0.2 : 0;
                        }
                        double[] exact = s.solve(g, v, null, null);
                        double[] approx = m.columnCurrents(v, 0.2);
                        double[] ideal = IrDropApproximation.idealCurrents(g, size, size, v);
                        double full = size * 0.2 * G_ON;
                        for (int j = 0; j < size; j++) {
                            double ea = Math.abs(approx[j] - exact[j]) / full;
                            double ei = Math.abs(ideal[j] - exact[j]) / full;
                            worstA = Math.max(worstA, ea);
                            worstI = Math.max(worstI, ei);
                            sumA += ea;
                            sumI += ei;
                            n++;
                        }
                    }
                }
                System.out.printf(java.util.Locale.ROOT, "%4d  %5.1f  %12.3f  %11.3f  %12.3f  %11.3f%n", size, rw,
                        100 * worstA, 100 * sumA / n, 100 * worstI, 100 * sumI / n);
                assertTrue(worstA < worstI / 3, "approximation must beat ignoring parasitics at " + size + "/" + rw);
            }
        }
    }
}
