package org.imcsim.device.ideal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.ProgrammedCells;
import org.imcsim.device.api.Stats;
import org.junit.jupiter.api.Test;

class IdealDeviceTest {

    @Test
    void programsExactlyDrawsNothingAndNeverChanges() {
        DeviceModel m = Stats.model("ideal", Map.of("cellBits", "3"));
        assertTrue(m.ideal());
        assertFalse(m.drifts());
        float[] t = new float[8];
        for (int l = 0; l < 8; l++) {
            t[l] = (float) m.levelConductanceS(l);
        }
        ProgrammedCells c = new ProgrammedCells(8);
        SplittableRandom rng = new SplittableRandom(5);
        m.program(t, 0, 8, rng, c);
        assertEquals(new SplittableRandom(5).nextLong(), rng.nextLong(), "ideal programming consumed random draws");
        assertArrayEquals(t, c.gS);
        float[] at = new float[8];
        m.conductance(c, 0, 8, 3.15e7, at);
        assertArrayEquals(t, at);
        float[] sig = new float[8];
        m.readNoiseSigma(c, 0, 8, 3.15e7, sig);
        assertArrayEquals(new float[8], sig);
        assertEquals(1.0, m.driftCompensationScale(c, 0, 8, 1e6, rng));
        for (byte s : c.stuck) {
            assertEquals(ProgrammedCells.FREE, s);
        }
    }

    @Test
    void programsOnlyTheGivenRange() {
        DeviceModel m = Stats.model("ideal", Map.of());
        ProgrammedCells c = new ProgrammedCells(6);
        float g = (float) m.gMaxS();
        m.program(new float[] {g, g, g, g, g, g}, 2, 4, Stats.rng(1), c);
        assertArrayEquals(new float[] {0, 0, g, g, 0, 0}, c.gS);
    }
}
