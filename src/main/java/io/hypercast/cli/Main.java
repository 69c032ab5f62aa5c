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

    /** With --json a failure is also one JSON object on stdout: {"error": ..., "kind": ..., "exit_code": ...}. */
    private static int failed(boolean json, PrintWriter out, String kind, String message, int code) {
        if (json) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("error", message);
            m.put("kind", kind);
            m.put("exit_code", code);
            try {
                out.println(Common.JSON.writeValueAsString(m));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ignored) {
                // the message is on stderr already
            }
        }
        return code;
    }

    /** Runs one command line; for tests and for the window's "run in terminal" use. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        boolean json = java.util.Arrays.asList(args).contains("--json");
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("(see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return failed(json, out, "usage", ex.getMessage(), INVALID);
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            Throwable e = ex;
            if (e instanceof InvalidInputException) {
                err.println("invalid input: " + e.getMessage());
                return failed(json, out, "invalid_input", e.getMessage(), INVALID);
            }
            if (e instanceof LimitExceededException) {
                err.println(e.getMessage());
                return failed(json, out, "limit_exceeded", e.getMessage(), LIMIT);
            }
            if (e instanceof StoreException) {
                err.println("store: " + e.getMessage());
                return failed(json, out, "store", e.getMessage(), FAILED);
            }
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            err.println("error: " + message);
            if (System.getenv("HYPERCAST_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return failed(json, out, "error", message, FAILED);
        });
        return cmd.execute(args);
    }
}
