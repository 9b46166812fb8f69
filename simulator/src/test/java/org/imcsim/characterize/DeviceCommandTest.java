package org.imcsim.characterize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.imcsim.cli.DeviceCommand;
import org.imcsim.config.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeviceCommandTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new DeviceCommand());
        cl.setOut(new PrintWriter(out));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            throw e;
        });
        int rc = cl.execute(args);
        assertEquals(0, rc, out.toString());
        return out.toString();
    }

    @Test
    void pcmCharacterizationWritesCsvPngAndSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pcm");
        String summary = run("pcm", "--set", "cellBits=2", "--time", "0s", "--time", "1d", "--cells", "4000", "--seed", "3",
                "--out", out.toString());
        List<String> csv = Files.readAllLines(out.resolve("levels.csv"));
        assertEquals(CharacterizationReport.CSV_HEADER, csv.get(0));
        assertEquals(1 + 2 * 4, csv.size());
        // level 3 (25 uS): the mean at t = 0 is the target, after a day drift has lowered it by (86420/20)^-nu, nu ~ 0.049
        String[] t0 = csv.get(4).split(",");
        String[] t1 = csv.get(8).split(",");
        assertEquals("3", t0[0]);
        assertEquals(25.0, Double.parseDouble(t0[1]), 1e-9);
        assertEquals(25.0, Double.parseDouble(t0[3]), 0.05);
        double expectedDay = 25.0 * Math.pow(86420.0 / 20, -0.049);
        assertEquals(expectedDay, Double.parseDouble(t1[3]), 0.3);
        assertEquals(86400.0, Double.parseDouble(t1[2]), 1e-6);
        assertTrue(summary.contains("pcm: 2 bit/cell"), summary);
        assertTrue(summary.contains("t = 1d") || summary.contains("t = 86.4ks"), summary);
        assertTrue(summary.contains("worst overlap"), summary);
        assertTrue(summary.lines().count() < 30, "summary must fit one screen:\n" + summary);
        BufferedImage img = ImageIO.read(out.resolve("distribution.png").toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(600, img.getHeight());
        try (var files = Files.list(out)) {
            assertEquals(List.of("distribution.png", "levels.csv"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left behind");
        }
    }

    @Test
    void sameSeedSameBytes(@TempDir Path dir) throws Exception {
        run("rram", "--profile", "neurram-2022", "--set", "cellBits=3", "--time", "1h", "--cells", "1000", "--out", dir.resolve("a").toString());
        run("rram", "--profile", "neurram-2022", "--set", "cellBits=3", "--time", "1h", "--cells", "1000", "--out", dir.resolve("b").toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/levels.csv")), Files.readAllBytes(dir.resolve("b/levels.csv")));
        run("rram", "--profile", "neurram-2022", "--set", "cellBits=3", "--time", "1h", "--cells", "1000", "--seed", "2",
                "--out", dir.resolve("c").toString());
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/levels.csv")), Files.readAllBytes(dir.resolve("c/levels.csv"))));
    }

    @Test
    void idealLevelsHaveNoSpreadAndNoOverlap(@TempDir Path dir) throws Exception {
        String summary = run("ideal", "--set", "cellBits=2", "--cells", "100", "--out", dir.toString());
        for (String line : Files.readAllLines(dir.resolve("levels.csv")).subList(1, 5)) {
            String[] f = line.split(",");
            assertEquals(Double.parseDouble(f[1]), Double.parseDouble(f[3]), 1e-6);
            assertEquals(0.0, Double.parseDouble(f[4]));
        }
        assertTrue(summary.contains("no overlap between adjacent levels"), summary);
    }

    @Test
    void stuckCellsShowInTheCsv(@TempDir Path dir) throws Exception {
        run("rram", "--set", "cellBits=1", "--set", "stuckAtHrs=0.1", "--cells", "20000", "--out", dir.toString());
        String[] lrs = Files.readAllLines(dir.resolve("levels.csv")).get(2).split(",");
        assertEquals(0.1, Double.parseDouble(lrs[9]), 0.01);
    }

    private static BadInputException bad(String... args) {
        DeviceCommand cmd = new DeviceCommand();
        new CommandLine(cmd).parseArgs(args);
        return assertThrows(BadInputException.class, cmd::call);
    }

    @Test
    void badInputIsABadInputExceptionNamingTheField(@TempDir Path dir) {
        String o = dir.toString();
        BadInputException e = bad("memristor", "--out", o);
        assertTrue(e.getMessage().contains("device.model: unknown device model \"memristor\"; known: ideal, pcm, rram, table"), e.getMessage());
        e = bad("rram", "--set", "onOffRatio=0.5", "--out", o);
        assertEquals("--set: device.onOffRatio: must be > 1 (Roff above Ron), got 0.5", e.getMessage());
        e = bad("rram", "--set", "cellBits", "--out", o);
        assertTrue(e.getMessage().startsWith("--set: expected KEY=VALUE"), e.getMessage());
        e = bad("rram", "--set", "cellBits=9", "--out", o);
        assertTrue(e.getMessage().contains("device.cellBits: expected an integer 1..8 or analog, got 9"), e.getMessage());
        e = bad("rram", "--time", "1 fortnight", "--out", o);
        assertTrue(e.getMessage().startsWith("--time: expected a time"), e.getMessage());
        e = bad("rram", "--time", "-1s", "--out", o);
        assertTrue(e.getMessage().startsWith("--time: must be >= 0"), e.getMessage());
        e = bad("rram", "--cells", "1", "--out", o);
        assertTrue(e.getMessage().startsWith("--cells"), e.getMessage());
        e = bad("rram", "--profile", "nope", "--out", o);
        assertTrue(e.getMessage().contains("--profile: device.profile: unknown profile"), e.getMessage());
    }
}
