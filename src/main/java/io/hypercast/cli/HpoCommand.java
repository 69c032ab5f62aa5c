package io.hypercast.cli;

import io.hypercast.model.ExperimentKind;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hpo", description = "Create, run and read hyperparameter optimizations.", mixinStandardHelpOptions = true)
final class HpoCommand {

    @Command(name = "create", description = "Save an HPO spec file as a DRAFT; prints its uuid.")
    int create(@Mixin Common c,
               @Option(names = "--project", required = true, paramLabel = "P", description = "Project uuid or title.") String project,
               @Option(names = "--spec", required = true, paramLabel = "FILE.json", description = "The HPO spec file (JSON; see assets/examples/demo-hpo.json).") Path spec) {
        return new ExperimentOps(c, ExperimentKind.HPO).create(project, spec);
    }

    @Command(name = "run", description = {"Run a DRAFT HPO: with --wait here until it ends; without it in a background process (this command returns once it started).",
        "With --cluster (or --members) the trials run on the cluster's workers (hypercast worker); the search, guardrails and store stay here."})
    int run(@Mixin Common c,
            @Mixin ClusterArgs cluster,
            @Parameters(paramLabel = "ID") String id,
            @Option(names = "--wait", description = "Wait for the end and print the result.") boolean wait,
            @Option(names = "--timeout", paramLabel = "DURATION", description = "Run-time limit (default 6h), e.g. PT30M, 90s, 2h.") String timeout) {
        return Launch.runOrDetach(c, ExperimentKind.HPO, id, wait, timeout, false, cluster);
    }

    @Command(name = "resume", description = "Resume an INTERRUPTED HPO: finished trials are kept, the search continues.")
    int resume(@Mixin Common c,
               @Mixin ClusterArgs cluster,
               @Parameters(paramLabel = "ID") String id,
               @Option(names = "--wait", description = "Wait for the end and print the result.") boolean wait,
               @Option(names = "--timeout", paramLabel = "DURATION", description = "Run-time limit from now (default 6h).") String timeout) {
        return Launch.runOrDetach(c, ExperimentKind.HPO, id, wait, timeout, true, cluster);
    }

    @Command(name = "list", description = "List a project's HPOs with state and progress.")
    int list(@Mixin Common c, @Option(names = "--project", required = true, paramLabel = "P") String project) {
        return new ExperimentOps(c, ExperimentKind.HPO).list(project);
    }

    @Command(name = "show", description = "Show an HPO's state, progress and spec.")
    int show(@Mixin Common c, @Parameters(paramLabel = "ID") String id) {
        return new ExperimentOps(c, ExperimentKind.HPO).show(id);
    }

    @Command(name = "cancel", description = "Cancel a running HPO (its running trials stop between boosting rounds).")
    int cancel(@Mixin Common c, @Parameters(paramLabel = "ID") String id) {
        return new ExperimentOps(c, ExperimentKind.HPO).cancel(id);
    }

    @Command(name = "duplicate", description = "Copy an HPO as a new DRAFT (a run HPO is read-only: change and run the copy).")
    int duplicate(@Mixin Common c, @Parameters(paramLabel = "ID") String id) {
        return new ExperimentOps(c, ExperimentKind.HPO).duplicate(id);
    }

    @Command(name = "result", description = "Print the best trial and every trial; export CSVs.")
    int result(@Mixin Common c,
               @Parameters(paramLabel = "ID") String id,
               @Option(names = "--trials-csv", paramLabel = "FILE") Path trials,
               @Option(names = "--predictions-csv", paramLabel = "FILE", description = "Predictions of the best trial (or of --trial N).") Path predictions,
               @Option(names = "--trial", paramLabel = "N", description = "Export this trial's predictions instead of the best's.") Integer trial) {
        return new ExperimentOps(c, ExperimentKind.HPO).result(id, trials, predictions, trial);
    }
}
