package org.imcsim.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code -v/--verbose} and {@code --debug}, accepted before or after the subcommand
 * ({@code imcsim -v run}, {@code imcsim run -vv}); the values are kept on the root {@link Main}.
 */
final class GlobalOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-v", "--verbose"}, description = "More log output on stderr: -v info, -vv debug, -vvv trace (default: warnings only).")
    void setVerbose(boolean[] flags) {
        main().verbosity.put(mixee, flags == null ? 0 : flags.length);
    }

    @Option(names = "--debug", description = "Print stack traces for errors.")
    void setDebug(boolean debug) {
        if (debug) {
            main().debug = true;
        }
    }

    private Main main() {
        return (Main) mixee.root().userObject();
    }
}
