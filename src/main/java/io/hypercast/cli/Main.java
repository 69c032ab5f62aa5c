package io.hypercast.cli;

import io.hypercast.engine.store.StoreException;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hypercast} command line. Exit codes: 0 done, 2 invalid input (the message names what
 * and where), 3 a limit exceeded (the message names the limit and its value), 1 anything else.
 */
@Command(name = "hypercast", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Hyperparameter optimization of time-series forecasting models, on your desktop.",
        subcommands = {DemoCommand.class, ProjectCommand.class, SourceCommand.class, NodeCommand.class, ModelCommand.class, HpoCommand.class,
            BacktestCommand.class, PolicyCommand.class, DeployCommand.class, DeploymentCommand.class, BenchCommand.class,
            WorkerCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;
    public static final int LIMIT = 3;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; for tests and for the window's "run in terminal" use. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("(see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return INVALID;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            Throwable e = ex;
            if (e instanceof InvalidInputException) {
                err.println("invalid input: " + e.getMessage());
                return INVALID;
            }
            if (e instanceof LimitExceededException) {
                err.println(e.getMessage());
                return LIMIT;
            }
            if (e instanceof StoreException) {
                err.println("store: " + e.getMessage());
                return FAILED;
            }
            err.println("error: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
            if (System.getenv("HYPERCAST_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return FAILED;
        });
        return cmd.execute(args);
    }
}
