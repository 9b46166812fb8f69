package org.imcsim.functional;

/**
 * Exact DC solution of a crossbar with parasitic wire resistance (MODEL.md §4, "Parasitics"):
 * the reference against which the fast approximation is validated.
 *
 * <p>Circuit: R rows (wordlines) × C columns (bitlines). Row i is driven at its left end by an
 * ideal source V_i through {@code rSource + rWire}; consecutive cells along a row are joined by
 * {@code rWire}; the row's right end is open. Column j is held at virtual ground at its bottom
 * end (row R−1 side) through {@code rWire + rSink}; consecutive cells along a column are joined
 * by {@code rWire}; its top end is open. Cell (i, j) of conductance G_ij joins row node a_ij and
 * column node b_ij. So the cell farthest from both driver and sense amp is (0, C−1).
 *
 * <p>Method: block Gauss–Seidel on the nodal equations, alternating exact tridiagonal (Thomas)
 * solves of every row given the column voltages and of every column given the row voltages,
 * until the largest node-voltage change is below {@code tolerance × max|V|}. Wire conductance
 * is orders of magnitude above cell conductance, so each line solve captures the strong coupling
 * and the weak cell coupling converges in tens of sweeps. Cost O(sweeps·R·C).
 */
public final class IrDropSolver {
    private final int rows;
    private final int cols;
    private final double gWire;
    private final double gDrive;
    private final double gSink;
    private final double tolerance;
    private final int maxSweeps;
    // scratch for the Thomas algorithm
    private final double[] cPrime;
    private final double[] dPrime;
    private int lastSweeps;

    /**
     * @param rWireOhm   wire resistance of one cell segment (> 0)
     * @param rSourceOhm driver output resistance (≥ 0)
     * @param rSinkOhm   sense-amplifier input resistance (≥ 0)
     */
    public IrDropSolver(int rows, int cols, double rWireOhm, double rSourceOhm, double rSinkOhm) {
        this(rows, cols, rWireOhm, rSourceOhm, rSinkOhm, 1e-10, 10_000);
    }

    public IrDropSolver(int rows, int cols, double rWireOhm, double rSourceOhm, double rSinkOhm, double tolerance, int maxSweeps) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("array must have rows and columns, got " + rows + "×" + cols);
        }
        if (!(rWireOhm > 0) || rSourceOhm < 0 || rSinkOhm < 0) {
            throw new IllegalArgumentException("need rWire > 0, rSource ≥ 0, rSink ≥ 0; got " + rWireOhm + ", " + rSourceOhm + ", " + rSinkOhm);
        }
        this.rows = rows;
        this.cols = cols;
        this.gWire = 1.0 / rWireOhm;
        this.gDrive = 1.0 / (rWireOhm + rSourceOhm);
        this.gSink = 1.0 / (rWireOhm + rSinkOhm);
        this.tolerance = tolerance;
        this.maxSweeps = maxSweeps;
        int n = Math.max(rows, cols);
        this.cPrime = new double[n];
        this.dPrime = new double[n];
    }

    /** Sweeps the last {@link #solve} needed. */
    public int lastSweeps() {
        return lastSweeps;
    }

    /**
     * Solves for the node voltages and returns the column output currents (A).
     *
     * @param gS        row-major R×C cell conductances (S)
     * @param vIn       row drive voltages (V), length R
     * @param rowNodes  out: row-node voltages a_ij (R×C), or null
     * @param colNodes  out: column-node voltages b_ij (R×C), or null
     * @return column currents into the virtual grounds, length C
     */
    public double[] solve(double[] gS, double[] vIn, double[] rowNodes, double[] colNodes) {
        int n = rows * cols;
        double[] a = rowNodes != null ? rowNodes : new double[n];
        double[] b = colNodes != null ? colNodes : new double[n];
        double vMax = 0;
        for (int i = 0; i < rows; i++) {
            vMax = Math.max(vMax, Math.abs(vIn[i]));
            for (int j = 0; j < cols; j++) {
                a[i * cols + j] = vIn[i];
                b[i * cols + j] = 0;
            }
        }
        double[] out = new double[cols];
        if (vMax == 0) {
            lastSweeps = 0;
            return out;
        }
        double tol = tolerance * vMax;
        int sweep = 0;
        double change;
        do {
            change = 0;
            for (int i = 0; i < rows; i++) {
                change = Math.max(change, solveRow(i, gS, vIn[i], a, b));
            }
            for (int j = 0; j < cols; j++) {
                change = Math.max(change, solveColumn(j, gS, a, b));
            }
            sweep++;
        } while (change > tol && sweep < maxSweeps);
        lastSweeps = sweep;
        if (change > tol) {
            throw new IllegalStateException("IR-drop solve did not converge in " + maxSweeps + " sweeps (change " + change + " V)");
        }
        for (int j = 0; j < cols; j++) {
            out[j] = gSink * b[(rows - 1) * cols + j];
        }
        return out;
    }

    /** Row i given column voltages: tridiagonal in a_i0..a_i,C−1. Returns the largest change. */
    private double solveRow(int i, double[] g, double v, double[] a, double[] b) {
        int base = i * cols;
        // coefficients: lower = -gWire (j>0), upper = -gWire (j<C-1)
        for (int j = 0; j < cols; j++) {
            double gij = g[base + j];
            double diag = gij + (j == 0 ? gDrive : gWire) + (j < cols - 1 ? gWire : 0);
            double rhs = gij * b[base + j] + (j == 0 ? gDrive * v : 0);
            double lower = j == 0 ? 0 : -gWire;
            double upper = j < cols - 1 ? -gWire : 0;
            if (j == 0) {
                cPrime[0] = upper / diag;
                dPrime[0] = rhs / diag;
            } else {
                double m = diag - lower * cPrime[j - 1];
                cPrime[j] = upper / m;
                dPrime[j] = (rhs - lower * dPrime[j - 1]) / m;
            }
        }
        double change = 0;
        double next = 0;
        for (int j = cols - 1; j >= 0; j--) {
            double val = dPrime[j] - (j < cols - 1 ? cPrime[j] * next : 0);
            change = Math.max(change, Math.abs(val - a[base + j]));
            a[base + j] = val;
            next = val;
        }
        return change;
    }

    /** Column j given row voltages: tridiagonal in b_0j..b_R−1,j. Returns the largest change. */
    private double solveColumn(int j, double[] g, double[] a, double[] b) {
        for (int i = 0; i < rows; i++) {
            int idx = i * cols + j;
            double gij = g[idx];
            double diag = gij + (i > 0 ? gWire : 0) + (i < rows - 1 ? gWire : gSink);
            double rhs = gij * a[idx];
            double lower = i == 0 ? 0 : -gWire;
            double upper = i < rows - 1 ? -gWire : 0;
            if (i == 0) {
                cPrime[0] = upper / diag;
                dPrime[0] = rhs / diag;
            } else {
                double m = diag - lower * cPrime[i - 1];
                cPrime[i] = upper / m;
                dPrime[i] = (rhs - lower * dPrime[i - 1]) / m;
            }
        }
        double change = 0;
        double next = 0;
        for (int i = rows - 1; i >= 0; i--) {
            double val = dPrime[i] - (i < rows - 1 ? cPrime[i] * next : 0);
            int idx = i * cols + j;
            change = Math.max(change, Math.abs(val - b[idx]));
            b[idx] = val;
            next = val;
        }
        return change;
    }
}
