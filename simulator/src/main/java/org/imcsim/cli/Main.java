package org.imcsim.cli;

import org.imcsim.run.RunJob;
import org.imcsim.run.SimulationJob;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.imcsim.config.BadInputException;
import org.imcsim.report.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code imcsim} command. {@link #main} only exits; {@link #run(String[], PrintStream, PrintStream)}
 * does the work and returns the exit code: 0 success, 1 internal failure, 2 bad input. Bad input
 * is printed as one line (file, field, expectation) with no stack trace unless {@code --debug}.
 */
@Command(name = "imcsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Cycle-level simulator of crossbar in-memory-computing accelerators for DNN inference.",
        subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, DescribeCommand.class, DeviceCommand.class, SweepCommand.class, MergeCommand.class, PlotCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 internal failure, 2 bad input."})
public final class Main implements Runnable {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for an internal failure (a bug or an environment problem). */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code for bad input (config, option, file). */
    public static final int BAD_INPUT = 2;

    @CommandLine.Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandSpec spec;

    private final Environment environment;
    /** -v count per command level (the option may be given before and after the subcommand). */
    final Map<CommandSpec, Integer> verbosity = new HashMap<>();
    boolean debug;

    /**
     * What the commands need from outside: where relative paths and {@code runs/} live, the job
     * {@code run} executes, and the clock used to name fresh run folders.
     */
    public record Environment(Path workingDirectory, RunJob job, Clock clock) {
        public Environment {
            Objects.requireNonNull(workingDirectory);
            Objects.requireNonNull(job);
            Objects.requireNonNull(clock);
        }

        /** The process's working directory, the simulation job, the system clock. */
        public static Environment standard() {
            return new Environment(Path.of("").toAbsolutePath(), new SimulationJob(), Clock.systemDefaultZone());
        }
    }

    Main(Environment environment) {
        this.environment = environment;
    }

    Environment environment() {
        return environment;
    }

    int verbosity() {
        int v = 0;
        for (int n : verbosity.values()) {
            v += n;
        }
        return v;
    }

    @Override
    public void run() {
        // "imcsim" alone: show the commands
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the standard environment; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Environment.standard());
    }

    /** Runs the command line in {@code environment}; returns the exit code. Never calls {@link System#exit}. */
    public static int run(String[] args, PrintStream out, PrintStream err, Environment environment) {
        Main main = new Main(environment);
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cl = new CommandLine(main);
        cl.setOut(o);
        cl.setErr(e);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setParameterExceptionHandler((ParameterException ex, String[] a) -> {
            StringBuilder sb = new StringBuilder("imcsim: ").append(oneLine(ex.getMessage()));
            if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                sb.append(" (did you mean ").append(String.join(" or ", u.getSuggestions())).append("?)");
            }
            sb.append(" (see 'imcsim ").append(commandPath(ex.getCommandLine())).append("--help')");
            ex.getCommandLine().getErr().println(sb);
            if (main.debug) {
                ex.printStackTrace(ex.getCommandLine().getErr());
            }
            ex.getCommandLine().getErr().flush();
            return BAD_INPUT;
        });
        cl.setExecutionStrategy(parseResult -> {
            Logging.setVerbosity(main.verbosity());
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter w = cmd.getErr();
            int code;
            if (ex instanceof BadInputException) {
                w.println("imcsim: " + oneLine(ex.getMessage()));
                code = BAD_INPUT;
            } else {
                w.println("imcsim: internal error: " + oneLine(String.valueOf(ex))
                        + (main.debug ? "" : " (rerun with --debug for the stack trace)"));
                code = INTERNAL_ERROR;
            }
            if (main.debug) {
                ex.printStackTrace(w);
            }
            w.flush();
            return code;
        });
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return code;
    }

    private static String commandPath(CommandLine c) {
        StringBuilder sb = new StringBuilder();
        CommandLine at = c;
        java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
        while (at != null && at.getParent() != null) {
            names.push(at.getCommandName());
            at = at.getParent();
        }
        for (String n : names) {
            sb.append(n).append(' ');
        }
        return sb.toString();
    }

    /** Messages are printed as one line: line breaks become "; ". */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** {@code --version}: the imcsim version from the filtered build resource, and the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"imcsim " + BuildInfo.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
