package org.imcsim.device.table;

import static org.imcsim.device.api.StatsAssert.assertMean;
import static org.imcsim.device.api.StatsAssert.assertStd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceParameterException;
import org.imcsim.device.api.ProgrammedCells;
import org.imcsim.device.api.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableDeviceTest {
    static final int N = 200_000;

    static final String CSV = """
            # measured 2-bit cell (test data)
            level,targetUs,meanUs,stdUs,driftNuMean,driftNuStd,readStdUs
            0,2,2.1,0.30,0.02,0.005,0.02
            1,8,7.9,0.50,0.03,0.006,0.05
            2,14,14.2,0.60,0.04,0.007,0.08
            3,20,19.8,0.40,0.05,0.008,0.10
            """;

    private static DeviceModel table(Path dir, String csv, Map<String, String> extra) throws Exception {
        Path f = dir.resolve("levels.csv");
        Files.writeString(f, csv);
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>(extra);
        p.put("file", f.toString());
        return Stats.model("table", p);
    }

    @Test
    void levelsAndStatisticsComeFromTheTable(@TempDir Path dir) throws Exception {
        DeviceModel m = table(dir, CSV, Map.of("driftT0", "1s"));
        assertEquals(2, m.cellBits());
        assertEquals(2e-6, m.gMinS(), 1e-18);
        assertEquals(20e-6, m.gMaxS(), 1e-18);
        assertEquals(8e-6, m.levelConductanceS(1), 1e-15);
        double[] mean = {2.1e-6, 7.9e-6, 14.2e-6, 19.8e-6};
        double[] std = {0.30e-6, 0.50e-6, 0.60e-6, 0.40e-6};
        double[] nu = {0.02, 0.03, 0.04, 0.05};
        double[] nuSd = {0.005, 0.006, 0.007, 0.008};
        for (int l = 0; l < 4; l++) {
            ProgrammedCells c = Stats.program(m, m.levelConductanceS(l), N, 7 + l);
            double[] ms = Stats.meanStd(c.gS);
            assertMean(mean[l], std[l], N, ms[0], "level " + l);
            assertStd(std[l], N, ms[1], "level " + l);
            double[] d = Stats.meanStd(c.drift);
            assertMean(nu[l], nuSd[l], N, d[0], "nu level " + l);
            assertStd(nuSd[l], N, d[1], "nu level " + l);
        }
        // between levels the statistics are interpolated linearly
        assertEquals(0.55e-6, m.programmingSigmaS(11e-6), 1e-15);
        // drift: G(t) = G_p ((t + t0)/t0)^-nu, monotonic
        assertEquals(10e-6 * Math.pow(11, -0.03), m.conductanceS(10e-6f, 0.03f, ProgrammedCells.FREE, 10), 1e-12);
        // read noise from the table, scaled with the drifted conductance
        assertEquals(0.05e-6, m.readNoiseSigmaS(8e-6f, 0f, ProgrammedCells.FREE, 5), 1e-14);
        assertTrue(m.drifts());
        assertFalse(m.ideal());
    }

    @Test
    void driftColumnsNeedDriftT0(@TempDir Path dir) {
        DeviceParameterException e = assertThrows(DeviceParameterException.class, () -> table(dir, CSV, Map.of()));
        assertEquals("driftT0", e.key());
    }

    @Test
    void badCsvNamesFileLineAndColumn(@TempDir Path dir) {
        String badNumber = CSV.replace("0.50,0.03", "x.5,0.03");
        DeviceParameterException e = assertThrows(DeviceParameterException.class, () -> table(dir, badNumber, Map.of("driftT0", "1s")));
        assertEquals("file", e.key());
        assertTrue(e.getMessage().contains("levels.csv:4: column stdUs: expected a number, got \"x.5\""), e.getMessage());

        String negative = CSV.replace("0.60,0.04", "-0.60,0.04");
        e = assertThrows(DeviceParameterException.class, () -> table(dir, negative, Map.of("driftT0", "1s")));
        assertTrue(e.getMessage().contains("levels.csv:5: column stdUs: expected a finite number >= 0"), e.getMessage());

        String uneven = CSV.replace("2,14,14.2", "2,15,14.2");
        e = assertThrows(DeviceParameterException.class, () -> table(dir, uneven, Map.of("driftT0", "1s")));
        assertTrue(e.getMessage().contains("levels.csv:5: column targetUs: levels must be evenly spaced"), e.getMessage());

        String unknownColumn = CSV.replace("readStdUs", "readSigma");
        e = assertThrows(DeviceParameterException.class, () -> table(dir, unknownColumn, Map.of("driftT0", "1s")));
        assertTrue(e.getMessage().contains("levels.csv:2: column readSigma: unknown column"), e.getMessage());

        String threeRows = "targetUs,meanUs,stdUs\n1,1,0.1\n2,2,0.1\n3,3,0.1\n";
        e = assertThrows(DeviceParameterException.class, () -> table(dir, threeRows, Map.of()));
        assertTrue(e.getMessage().contains("expected 2^cellBits rows"), e.getMessage());

        String missing = "targetUs,meanUs\n1,1\n2,2\n";
        e = assertThrows(DeviceParameterException.class, () -> table(dir, missing, Map.of()));
        assertTrue(e.getMessage().contains("column stdUs: required column is missing"), e.getMessage());

        String shortRow = "targetUs,meanUs,stdUs\n1,1,0.1\n2,2\n";
        e = assertThrows(DeviceParameterException.class, () -> table(dir, shortRow, Map.of()));
        assertTrue(e.getMessage().contains("levels.csv:3: expected 3 values"), e.getMessage());

        e = assertThrows(DeviceParameterException.class, () -> Stats.model("table", Map.of("file", dir.resolve("none.csv").toString())));
        assertTrue(e.getMessage().contains("none.csv: cannot read"), e.getMessage());
        e = assertThrows(DeviceParameterException.class, () -> Stats.model("table", Map.of()));
        assertEquals("file", e.key());
        assertTrue(e.getMessage().contains("is required"), e.getMessage());
    }

    @Test
    void minimalTableWithoutDrift(@TempDir Path dir) throws Exception {
        DeviceModel m = table(dir, "targetUs,meanUs,stdUs\n1,1,0\n11,11,0\n", Map.of());
        assertEquals(1, m.cellBits());
        assertTrue(m.ideal());
        assertEquals(DeviceParameterException.class,
                assertThrows(DeviceParameterException.class, () -> table(dir, "targetUs,meanUs,stdUs\n1,1,0\n11,11,0\n",
                        Map.of("driftT0", "1s"))).getClass());
    }
}
