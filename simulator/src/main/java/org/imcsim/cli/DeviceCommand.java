package org.imcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imcsim.characterize.Characterization;
import org.imcsim.characterize.CharacterizationReport;
import org.imcsim.config.BadInputException;
import org.imcsim.device.api.DeviceModel;
import org.imcsim.device.api.DeviceModels;
import org.imcsim.device.api.DeviceParameterException;
import org.imcsim.units.Dimension;
import org.imcsim.units.Quantity;
import org.imcsim.units.QuantityFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imcsim device NAME [--profile P] [--set key=value ...] [--time 1h ...] [--cells N] [--seed S] --out DIR}:
 * characterizes a device model the way a device paper's first figure does. Samples {@code --cells}
 * cells per level, programmed once with seed {@code --seed}, reads them at each {@code --time}
 * after programming, writes {@code DIR/levels.csv} and {@code DIR/distribution.png}, and prints a
 * one-screen summary. Bad input throws {@link BadInputException} (the CLI exits 2).
 */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Characterize a device model: per-level conductance statistics (levels.csv), "
                + "the distribution plot (distribution.png) and a summary.")
public final class DeviceCommand implements Callable<Integer> {
    /** Upper bound on samples held in memory (levels x cells x times). */
    static final long MAX_SAMPLES = 200_000_000L;

    @Parameters(index = "0", paramLabel = "NAME", description = "device model name (see imcsim list)")
    String model;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "named parameter set of the model, e.g. neurosim")
    String profile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "device parameter, repeatable, e.g. --set cellBits=2")
    List<String> sets = new ArrayList<>();

    @Option(names = "--time", paramLabel = "T", description = "time after programming, repeatable (default 0s), e.g. 1h")
    List<String> times = new ArrayList<>();

    @Option(names = "--cells", paramLabel = "N", defaultValue = "10000", description = "cells per level (default ${DEFAULT-VALUE})")
    int cells;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder (created if missing)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> params = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--set", null, "expected KEY=VALUE, got \"" + s + "\"");
            }
            String key = s.substring(0, eq).strip();
            if (params.put(key, s.substring(eq + 1).strip()) != null) {
                throw new BadInputException("--set", "device." + key, "given twice");
            }
        }
        double[] timesS = parseTimes();
        if (cells < 2) {
            throw new BadInputException("--cells", null, "must be at least 2, got " + cells);
        }
        DeviceModel device;
        try {
            device = DeviceModels.discover().create(model, profile, params);
        } catch (DeviceParameterException e) {
            String source = e.key().equals("model") ? "NAME" : e.key().equals("profile") ? "--profile" : "--set";
            throw new BadInputException(source, "device." + e.key(), e.detail(), e);
        }
        long levels = device.analog() ? Characterization.ANALOG_POINTS : device.levels();
        if (levels * cells * timesS.length > MAX_SAMPLES) {
            throw new BadInputException("--cells", null, "levels x cells x times = " + levels + " x " + cells + " x " + timesS.length
                    + " exceeds " + MAX_SAMPLES + " samples; lower --cells");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out", null, out + " exists and is not a directory");
        }
        Characterization c = Characterization.run(device, timesS, cells, seed);
        CharacterizationReport report = new CharacterizationReport(c);
        try {
            report.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }
        PrintWriter w = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        w.print(report.summary());
        w.println("wrote " + out.resolve("levels.csv") + " and " + out.resolve("distribution.png"));
        w.flush();
        return 0;
    }

    private double[] parseTimes() {
        List<String> t = times.isEmpty() ? List.of("0s") : times;
        double[] r = new double[t.size()];
        for (int i = 0; i < r.length; i++) {
            try {
                r[i] = Quantity.parseSi(t.get(i), Dimension.TIME);
            } catch (QuantityFormatException e) {
                throw new BadInputException("--time", null, e.getMessage());
            }
            if (r[i] < 0) {
                throw new BadInputException("--time", null, "must be >= 0, got \"" + t.get(i) + "\"");
            }
        }
        return r;
    }
}
