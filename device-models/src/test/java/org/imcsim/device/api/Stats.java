package org.imcsim.device.api;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Test helpers: build models, sample many cells, and compare sample statistics with formulas. */
public final class Stats {
    private Stats() {
    }

    public static DeviceModel model(String name, Map<String, String> params) {
        return DeviceModels.discover().create(name, null, params);
    }

    public static DeviceModel model(String name, String profile, Map<String, String> params) {
        return DeviceModels.discover().create(name, profile, params);
    }

    /** Programs {@code n} cells all at {@code targetS} with a fixed seed. */
    public static ProgrammedCells program(DeviceModel m, double targetS, int n, long seed) {
        float[] t = new float[n];
        java.util.Arrays.fill(t, (float) targetS);
        ProgrammedCells c = new ProgrammedCells(n);
        m.program(t, 0, n, new SplittableRandom(seed), c);
        return c;
    }

    public static RandomGenerator rng(long seed) {
        return new SplittableRandom(seed);
    }

    /** {mean, sample std} of a float array. */
    public static double[] meanStd(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        double mean = s / x.length;
        double q = 0;
        for (float v : x) {
            q += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(q / (x.length - 1))};
    }

    /** Mean and std of max(0, mu + sigma·Z), by numerical integration (Simpson, 20001 points over ±10σ). */
    public static double[] rectifiedNormal(double mu, double sigma) {
        int n = 20000;
        double lo = mu - 10 * sigma;
        double hi = mu + 10 * sigma;
        double h = (hi - lo) / n;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i <= n; i++) {
            double x = lo + i * h;
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            double pdf = Math.exp(-0.5 * ((x - mu) / sigma) * ((x - mu) / sigma)) / (sigma * Math.sqrt(2 * Math.PI));
            double y = Math.max(0, x);
            m1 += w * y * pdf;
            m2 += w * y * y * pdf;
        }
        m1 *= h / 3;
        m2 *= h / 3;
        return new double[] {m1, Math.sqrt(m2 - m1 * m1)};
    }

    /** Mean and std of |mu + sigma·Z| (folded normal). */
    public static double[] foldedNormal(double mu, double sigma) {
        double[] pos = rectifiedNormal(mu, sigma);
        double[] neg = rectifiedNormal(-mu, sigma);
        double mean = pos[0] + neg[0];
        double m2 = mu * mu + sigma * sigma;
        return new double[] {mean, Math.sqrt(m2 - mean * mean)};
    }
}
