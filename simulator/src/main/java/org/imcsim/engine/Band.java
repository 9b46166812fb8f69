package org.imcsim.engine;

/**
 * Priority bands: among events at the same picosecond, a lower band runs first; within a band,
 * events run in the order they were scheduled. Bands are small non-negative ints
 * ({@code 0 .. MAX}); these constants name the conventional ones so that components agree.
 */
public final class Band {
    /** Runs before everything else at a timestamp (e.g. resets, configuration writes). */
    public static final int EARLY = 0;
    /** Message and data deliveries on ports: the default for input ports. */
    public static final int DELIVER = 8;
    /** Clock ticks: after every delivery at the same edge, so a tick sees its inputs. */
    public static final int TICK = 16;
    /** Runs after ticks at a timestamp (e.g. monitors, end-of-cycle bookkeeping). */
    public static final int LATE = 24;
    /** The largest legal band. */
    public static final int MAX = 63;

    private Band() {
    }

    /** Throws unless {@code 0 <= band <= MAX}. */
    public static int check(int band) {
        if (band < 0 || band > MAX) {
            throw new IllegalArgumentException("priority band must be in 0.." + MAX + ", got " + band);
        }
        return band;
    }
}
