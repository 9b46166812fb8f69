package org.imcsim.engine;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A clock: the one place where cycles and picoseconds are converted.
 *
 * <p>The period is held as an exact reduced fraction {@code periodNumPs / periodDen} picoseconds,
 * so a 3 GHz clock (333 1/3 ps) does not drift. Cycle {@code k} (k &ge; 0) starts at the edge
 * <pre>  edgePs(k) = floor(k * periodNumPs / periodDen)</pre>
 * i.e. edge times are the exact rational edge rounded <em>down</em> to a whole picosecond. The
 * rounding error is below 1 ps and never accumulates, because every edge is computed from cycle 0
 * and not by adding a rounded period. For an integer period (e.g. 1 GHz = 1000 ps) every
 * conversion is exact.
 *
 * <p>All arithmetic is on {@code long}; a 128-bit fallback ({@link BigInteger}) is taken only for
 * pathological frequencies whose reduced fraction makes an intermediate product overflow, which is
 * decided once at construction for the common path. Results that do not fit a {@code long}
 * throw {@link ArithmeticException}. Negative times and cycle numbers are rejected.
 *
 * <p>Instances are immutable and thread-safe. Clocks all start at time 0 (no phase offset).
 */
public final class ClockDomain {
    /** Picoseconds per second. */
    public static final long PS_PER_S = 1_000_000_000_000L;

    private final String name;
    private final long periodNumPs;
    private final long periodDen;

    private ClockDomain(String name, long periodNumPs, long periodDen) {
        this.name = Objects.requireNonNull(name, "name");
        long g = gcd(periodNumPs, periodDen);
        this.periodNumPs = periodNumPs / g;
        this.periodDen = periodDen / g;
    }

    /**
     * A clock of the given frequency.
     *
     * @param name        a label for messages and reports (e.g. {@code "core"})
     * @param frequencyHz cycles per second, 1 .. 10^12 (a period below 1 ps is not representable)
     */
    public static ClockDomain ofFrequencyHz(String name, long frequencyHz) {
        if (frequencyHz <= 0 || frequencyHz > PS_PER_S) {
            throw new IllegalArgumentException("clock " + name + ": frequency must be in 1 Hz .. 1 THz, got "
                    + frequencyHz + " Hz");
        }
        return new ClockDomain(name, PS_PER_S, frequencyHz);
    }

    /**
     * A clock with an integer period.
     *
     * @param name     a label for messages and reports
     * @param periodPs the period in picoseconds, &ge; 1
     */
    public static ClockDomain ofPeriodPs(String name, long periodPs) {
        if (periodPs <= 0) {
            throw new IllegalArgumentException("clock " + name + ": period must be >= 1 ps, got " + periodPs);
        }
        return new ClockDomain(name, periodPs, 1);
    }

    /** The label given at construction. */
    public String name() {
        return name;
    }

    /** True when the period is a whole number of picoseconds (all conversions then exact). */
    public boolean hasIntegerPeriod() {
        return periodDen == 1;
    }

    /** The exact period as a double, in picoseconds (for reports only, never for time arithmetic). */
    public double periodPs() {
        return (double) periodNumPs / periodDen;
    }

    /** The frequency as a double, in hertz (for reports only). */
    public double frequencyHz() {
        return (double) PS_PER_S * periodDen / periodNumPs;
    }

    /** Numerator of the reduced period fraction, in picoseconds. */
    public long periodNumeratorPs() {
        return periodNumPs;
    }

    /** Denominator of the reduced period fraction. */
    public long periodDenominator() {
        return periodDen;
    }

    /** Time of the rising edge that starts cycle {@code cycle}: {@code floor(cycle * period)}. */
    public long edgePs(long cycle) {
        requireNonNegative(cycle, "cycle");
        return mulDiv(cycle, periodNumPs, periodDen, false);
    }

    /**
     * The duration of {@code cycles} cycles counted from edge 0, {@code floor(cycles * period)} ps.
     * Exact for integer periods; for fractional periods the length of n cycles starting at another
     * edge may differ by 1 ps (use {@link #edgePs} differences when that matters).
     */
    public long cyclesToPs(long cycles) {
        return edgePs(cycles);
    }

    /** The first cycle whose edge is at or after {@code timePs}: {@code ceil(timePs / period)}. */
    public long cycleAtOrAfter(long timePs) {
        requireNonNegative(timePs, "timePs");
        // floor(k*P) >= t  <=>  k*P >= t (t integer)  <=>  k >= t/P
        return mulDiv(timePs, periodDen, periodNumPs, true);
    }

    /** The cycle in progress at {@code timePs}: the last cycle whose edge is at or before it. */
    public long cycleAt(long timePs) {
        requireNonNegative(timePs, "timePs");
        // floor(k*P) <= t  <=>  k*P < t+1  <=>  k < (t+1)/P  <=>  k <= ceil((t+1)/P) - 1
        return mulDiv(Math.addExact(timePs, 1), periodDen, periodNumPs, true) - 1;
    }

    /** The first edge at or after {@code timePs}, in picoseconds. */
    public long edgeAtOrAfterPs(long timePs) {
        return edgePs(cycleAtOrAfter(timePs));
    }

    /**
     * Whole cycles that fit in a duration, rounded down: {@code floor(durationPs / period)}.
     */
    public long psToCyclesFloor(long durationPs) {
        requireNonNegative(durationPs, "durationPs");
        return mulDiv(durationPs, periodDen, periodNumPs, false);
    }

    /** Cycles needed to cover a duration, rounded up: {@code ceil(durationPs / period)}. */
    public long psToCyclesCeil(long durationPs) {
        requireNonNegative(durationPs, "durationPs");
        return mulDiv(durationPs, periodDen, periodNumPs, true);
    }

    @Override
    public String toString() {
        return name + "(" + (hasIntegerPeriod() ? periodNumPs + " ps" : periodNumPs + "/" + periodDen + " ps") + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClockDomain c && c.name.equals(name) && c.periodNumPs == periodNumPs
                && c.periodDen == periodDen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, periodNumPs, periodDen);
    }

    /** floor or ceil of a*m/d for a &ge; 0, m &gt; 0, d &gt; 0, overflow-checked. */
    static long mulDiv(long a, long m, long d, boolean ceil) {
        long qa = a / d;
        long ra = a % d;
        long high = Math.multiplyExact(qa, m);
        long prod = ra * m;
        if (Math.multiplyHigh(ra, m) != 0 || prod < 0) {
            BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(m))
                    .divideAndRemainder(BigInteger.valueOf(d));
            BigInteger q = qr[0];
            if (ceil && qr[1].signum() != 0) {
                q = q.add(BigInteger.ONE);
            }
            return q.longValueExact();
        }
        long res = Math.addExact(high, prod / d);
        if (ceil && prod % d != 0) {
            res = Math.addExact(res, 1);
        }
        return res;
    }

    private static void requireNonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + v);
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
