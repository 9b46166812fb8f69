package org.imcsim.device.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions with statistical tolerances: k standard errors, k = 5 (a fixed seed makes them deterministic). */
public final class StatsAssert {
    public static final double K = 5.0;

    private StatsAssert() {
    }

    /** The sample mean of n draws with true std sigma is within K standard errors of expected. */
    public static void assertMean(double expected, double sigma, int n, double actual, String what) {
        double tol = K * sigma / Math.sqrt(n) + 1e-15;
        assertEquals(expected, actual, tol, what + ": mean");
    }

    /** The sample std of n normal draws is within K standard errors (σ/√(2n)) of expected. */
    public static void assertStd(double expected, int n, double actual, String what) {
        double tol = K * expected / Math.sqrt(2.0 * n) + 1e-15;
        assertEquals(expected, actual, tol, what + ": std");
    }

    /** A Bernoulli frequency of n trials is within K binomial standard errors of p. */
    public static void assertFraction(double p, int n, double actual, String what) {
        double tol = K * Math.sqrt(p * (1 - p) / n) + 1e-12;
        assertEquals(p, actual, tol, what + ": fraction");
    }
}
