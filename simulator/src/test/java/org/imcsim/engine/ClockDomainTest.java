package org.imcsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClockDomainTest {

    @Test
    void oneGigahertzIsExactThousandPs() {
        ClockDomain c = ClockDomain.ofFrequencyHz("core", 1_000_000_000L);
        assertTrue(c.hasIntegerPeriod());
        assertEquals(1000.0, c.periodPs());
        assertEquals(0, c.edgePs(0));
        assertEquals(5000, c.edgePs(5));
        assertEquals(3000, c.cyclesToPs(3));
        assertEquals(2, c.cycleAtOrAfter(1500));
        assertEquals(2, c.cycleAtOrAfter(2000));
        assertEquals(1, c.cycleAt(1999));
        assertEquals(2, c.cycleAt(2000));
        assertEquals(3000, c.edgeAtOrAfterPs(2001));
        assertEquals(1, c.psToCyclesFloor(1999));
        assertEquals(2, c.psToCyclesCeil(1001));
        assertEquals(c, ClockDomain.ofPeriodPs("core", 1000));
    }

    @Test
    void threeGigahertzEdgesRoundDownWithoutDrift() {
        ClockDomain c = ClockDomain.ofFrequencyHz("fast", 3_000_000_000L);
        // period 1000/3 ps: edges floor(k*1000/3)
        assertEquals(333, c.edgePs(1));
        assertEquals(666, c.edgePs(2));
        assertEquals(1000, c.edgePs(3));
        // after 3e9 cycles (one second) still exactly 1e12 ps: no accumulated rounding
        assertEquals(ClockDomain.PS_PER_S, c.edgePs(3_000_000_000L));
        assertEquals(1, c.cycleAtOrAfter(1));
        assertEquals(1, c.cycleAtOrAfter(333));
        assertEquals(2, c.cycleAtOrAfter(334));
        assertEquals(0, c.cycleAt(332));
        assertEquals(1, c.cycleAt(333));
        assertEquals(1, c.cycleAt(665));
    }

    @Test
    void conversionsAgreeWithBigIntegerReference() {
        long[] freqs = {1, 7, 1_000_000_000L, 1_200_000_000L, 3_000_000_000L, 999_999_937L, 1_000_000_000_000L};
        SplittableRandom r = new SplittableRandom(7);
        for (long f : freqs) {
            ClockDomain c = ClockDomain.ofFrequencyHz("c", f);
            BigInteger num = BigInteger.valueOf(ClockDomain.PS_PER_S);
            BigInteger den = BigInteger.valueOf(f);
            for (int i = 0; i < 2000; i++) {
                long k = r.nextLong(1_000_000_000L);
                long expectEdge = BigInteger.valueOf(k).multiply(num).divide(den).longValue();
                if (BigInteger.valueOf(k).multiply(num).divide(den).bitLength() < 63) {
                    assertEquals(expectEdge, c.edgePs(k), "edge " + k + " at " + f + " Hz");
                }
                long t = r.nextLong(1L << 50);
                long at = c.cycleAt(t);
                assertTrue(c.edgePs(at) <= t && (at + 1 > Long.MAX_VALUE / 2 || c.edgePs(at + 1) > t),
                        "cycleAt " + t + " at " + f + " Hz");
                long after = c.cycleAtOrAfter(t);
                assertTrue(c.edgePs(after) >= t && (after == 0 || c.edgePs(after - 1) < t),
                        "cycleAtOrAfter " + t + " at " + f + " Hz");
            }
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ClockDomain.ofFrequencyHz("x", 0));
        assertThrows(IllegalArgumentException.class, () -> ClockDomain.ofFrequencyHz("x", 2_000_000_000_000L));
        assertThrows(IllegalArgumentException.class, () -> ClockDomain.ofPeriodPs("x", 0));
        ClockDomain c = ClockDomain.ofPeriodPs("x", 1000);
        assertThrows(IllegalArgumentException.class, () -> c.edgePs(-1));
        assertThrows(ArithmeticException.class, () -> c.edgePs(Long.MAX_VALUE / 10));
    }
}
