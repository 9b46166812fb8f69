package org.imcsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.imcsim.config.Config;
import org.imcsim.config.ConfigDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code imcsim validate FILE}: binds and checks a config (including device parameters); prints OK and a summary, or the error. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a config file; print OK and a summary, or the first error.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "FILE", description = "Config file (YAML or JSON).")
    Path file;

    @Option(names = {"-s", "--set"}, paramLabel = "PATH=VALUE", description = "Override a config key before checking (repeatable).")
    List<String> sets = new ArrayList<>();

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        Path wd = main.environment().workingDirectory();
        Config c = ConfigDocument.read(wd.resolve(file), file.toString()).withAll(sets, "--set").bind();
        var out = main.spec.commandLine().getOut();
        out.println("OK: " + file);
        out.println(Summary.of(c));
        out.flush();
        return Main.OK;
    }
}
