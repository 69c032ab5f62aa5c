package io.hypercast.cli;

import io.hypercast.model.ExperimentKind;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backtest", description = "Create, run and read backtests of a model with its own hyperparameters.", mixinStandardHelpOptions = true)
final class BacktestCommand {

    @Command(name = "create", description = "Save a backtest spec file (the HPO spec without search_space and search_algorithm) as a DRAFT.")
    int create(@Mixin Common c,
               @Option(names = "--project", required = true, paramLabel = "P") String project,
               @Option(names = "--spec", required = true, paramLabel = "FILE.json") Path spec) {
        return new ExperimentOps(c, ExperimentKind.BACKTEST).create(project, spec);
    }

    @Command(name = "run", description = "Run a DRAFT backtest.")
    int run(@Mixin Common c,
            @Parameters(paramLabel = "ID") String id,
            @Option(names = "--wait", description = "Wait for the end and print the result.") boolean wait,
            @Option(names = "--timeout", paramLabel = "DURATION", description = "Run-time limit (at most 3h).") String timeout) {
        return Launch.runOrDetach(c, ExperimentKind.BACKTEST, id, wait, timeout, false, null);
    }

    @Command(name = "list", description = "List a project's backtests.")
    int list(@Mixin Common c, @Option(names = "--project", required = true, paramLabel = "P") String project) {
        return new ExperimentOps(c, ExperimentKind.BACKTEST).list(project);
    }

    @Command(name = "show", description = "Show a backtest's state and spec.")
    int show(@Mixin Common c, @Parameters(paramLabel = "ID") String id) {
        return new ExperimentOps(c, ExperimentKind.BACKTEST).show(id);
    }

    @Command(name = "duplicate", description = "Copy a backtest as a new DRAFT (a run one is read-only: change and run the copy).")
    int duplicate(@Mixin Common c, @Parameters(paramLabel = "ID") String id) {
        return new ExperimentOps(c, ExperimentKind.BACKTEST).duplicate(id);
    }

    @Command(name = "cancel", description = "Cancel a running backtest.")
    int cancel(@Mixin Common c, @Parameters(paramLabel = "ID") String id) {
        return new ExperimentOps(c, ExperimentKind.BACKTEST).cancel(id);
    }

    @Command(name = "result", description = "Print the backtest's metrics; export CSVs.")
    int result(@Mixin Common c,
               @Parameters(paramLabel = "ID") String id,
               @Option(names = "--trials-csv", paramLabel = "FILE") Path trials,
               @Option(names = "--predictions-csv", paramLabel = "FILE") Path predictions) {
        return new ExperimentOps(c, ExperimentKind.BACKTEST).result(id, trials, predictions, null);
    }
}
