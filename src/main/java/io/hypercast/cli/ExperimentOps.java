package io.hypercast.cli;

import io.hypercast.engine.Engine;
import io.hypercast.engine.HpoResult;
import io.hypercast.engine.RunHandle;
import io.hypercast.engine.export.CsvExport;
import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoState;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Metrics;
import io.hypercast.model.ParamValues;
import io.hypercast.model.Project;
import io.hypercast.model.Trial;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What `hpo` and `backtest` share: create, run, show, list, cancel, resume, result. */
final class ExperimentOps {
    private final Common common;
    private final ExperimentKind kind;

    ExperimentOps(Common common, ExperimentKind kind) {
        this.common = common;
        this.kind = kind;
    }

    private String noun() {
        return kind == ExperimentKind.HPO ? "HPO" : "backtest";
    }

    int create(String projectRef, Path specFile) {
        String json = readSpec(specFile);
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a byte-order mark, as some editors write
        }
        try (Engine engine = common.open()) {
            Project p = engine.projects().resolve(projectRef);
            Experiment e;
            try {
                e = kind == ExperimentKind.HPO
                        ? engine.experiments().createHpo(p.id(), SpecJson.readHpo(json))
                        : engine.experiments().createBacktest(p.id(), SpecJson.readBacktest(json));
            } catch (io.hypercast.model.LimitExceededException ex) {
                throw ex;
            } catch (InvalidInputException ex) {
                throw inFile(specFile, ex);
            }
            if (common.json) {
                common.printJson(Map.of("uuid", e.id().toString()));
            } else {
                common.out().println(e.id());
            }
            return Main.OK;
        }
    }

    /** A spec file is a few kilobytes; anything this big is not one (and would not fit in memory). */
    static final long MAX_SPEC_BYTES = 16L << 20;

    /** The same refusal, located in the spec file: "my-hpo.json: search_space.x.lower: ...". */
    private static InvalidInputException inFile(Path file, InvalidInputException ex) {
        String where = ex.where();
        String bare = where.isEmpty() ? ex.getMessage() : ex.getMessage().substring(Math.min(ex.getMessage().length(), where.length() + 2));
        return new InvalidInputException(file.getFileName() + (where.isEmpty() ? "" : ": " + where), bare);
    }

    private static String readSpec(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_SPEC_BYTES) {
                throw new InvalidInputException("--spec", file + " is " + (Files.size(file) >> 20) + " MB; a spec file is a JSON object of a few"
                        + " kilobytes (at most " + (MAX_SPEC_BYTES >> 20) + " MB)");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("--spec", "no file " + file);
        } catch (IOException e) {
            throw new InvalidInputException("--spec", "cannot read " + file + ": " + e.getMessage());
        }
    }

    int run(String id, boolean resume, Duration timeout, boolean quiet, ClusterArgs cluster) {
        try (Engine engine = common.open()) {
            if (cluster != null) {
                io.hypercast.engine.cluster.ClusterSubmitter s = engine.joinCluster(cluster.submitter());
                if (!quiet && !common.json) {
                    s.addListener(line -> common.err().println("cluster: " + line));
                    common.err().println("cluster: in '" + s.options().name() + "' with " + s.workers() + " accepted worker(s)"
                            + (s.workers() == 0 ? " (none yet: check that the workers run with the same cluster name and secret, and"
                            + " that --members reaches them)" : ""));
                    s.members().stream().filter(m -> "worker".equals(m.role()) && !m.accepted()).forEach(m -> common.err().println(
                            "cluster: refused member " + m.address() + ": it does not prove the cluster secret; no trial is sent there"));
                }
            }
            // Ctrl-C or a plain kill: leave the run INTERRUPTED (resumable) rather than for the next start to find
            Thread hook = new Thread(engine::close, "hypercast-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            Experiment e = engine.experiments().resolve(id);
            requireKind(e);
            ProgressPrinter printer = new ProgressPrinter(common.err(), quiet || common.json);
            RunHandle h = resume ? engine.experiments().resume(e.id(), timeout, printer) : engine.experiments().run(e.id(), timeout, printer);
            if (!common.json && !quiet) {
                common.err().println((resume ? "resumed " : "running ") + noun() + " " + e.id() + " (" + e.title() + ")");
            }
            HpoState state = h.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return Main.FAILED; // the hook is leaving the run INTERRUPTED
            }
            Experiment after = engine.experiments().get(e.id());
            if (common.json) {
                common.printJson(summary(engine, after));
            } else {
                printSummary(engine, after);
            }
            return state == HpoState.SUCCESS ? Main.OK : Main.FAILED;
        }
    }

    int show(String id) {
        try (Engine engine = common.open()) {
            Experiment e = engine.experiments().resolve(id);
            requireKind(e);
            if (common.json) {
                Map<String, Object> m = summary(engine, e);
                m.put("spec", Common.JSON.readTree(e.hpo() != null ? SpecJson.write(e.hpo()) : SpecJson.write(e.backtest())));
                common.printJson(m);
            } else {
                printSummary(engine, e);
                common.out().println();
                common.out().println(e.hpo() != null ? SpecJson.write(e.hpo()) : SpecJson.write(e.backtest()));
            }
            return Main.OK;
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    int list(String projectRef) {
        try (Engine engine = common.open()) {
            Project p = engine.projects().resolve(projectRef);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Experiment e : engine.experiments().list(p.id(), kind)) {
                rows.add(summary(engine, e));
            }
            if (common.json) {
                common.printJson(Map.of("project", p.id().toString(), kind == ExperimentKind.HPO ? "hpos" : "backtests", rows));
            } else {
                common.out().printf("%-36s  %-12s  %-9s  %-10s  %s%n", "uuid", "state", "progress", "best", "title");
                for (Map<String, Object> r : rows) {
                    common.out().printf("%-36s  %-12s  %-9s  %-10s  %s%n", r.get("uuid"), r.get("state"),
                            r.get("completed_trials") + " / " + r.get("num_trials"), fmt(r.get("best_objective")), r.get("title"));
                }
            }
            return Main.OK;
        }
    }

    int cancel(String id) {
        try (Engine engine = common.open()) {
            Experiment e = engine.experiments().resolve(id);
            requireKind(e);
            engine.experiments().cancel(e.id());
            if (common.json) {
                common.printJson(Map.of("uuid", e.id().toString(), "cancel", "requested"));
            } else {
                common.out().println("cancel requested for " + e.id() + " (" + e.title() + ")");
            }
            return Main.OK;
        }
    }

    /** A DRAFT copy of an HPO or backtest (a run one is read-only: this is how it is changed and run again). */
    int duplicate(String id) {
        try (Engine engine = common.open()) {
            Experiment e = engine.experiments().resolve(id);
            requireKind(e);
            Experiment copy = engine.experiments().duplicate(e.id());
            if (common.json) {
                common.printJson(Map.of("uuid", copy.id().toString(), "title", copy.title(), "state", copy.state().name(),
                        "from", e.id().toString()));
            } else {
                common.out().println(copy.id() + "  " + copy.title() + "  (DRAFT copy of " + e.id() + ")");
            }
            return Main.OK;
        }
    }

    int result(String id, Path trialsCsv, Path predictionsCsv, Integer trialNumber) {
        try (Engine engine = common.open()) {
            Experiment e = engine.experiments().resolve(id);
            requireKind(e);
            HpoResult r = engine.experiments().result(e.id());
            Trial chosen = trialNumber != null ? engine.experiments().trial(e.id(), trialNumber) : r.bestTrial();
            if (trialsCsv != null) {
                writeFile(trialsCsv, w -> CsvExport.writeTrials(w, r.trials(), r.optimized()));
            }
            if (predictionsCsv != null) {
                if (chosen == null) {
                    throw new InvalidInputException("--predictions-csv", "the " + noun() + " has no completed trial, so there are no predictions to export");
                }
                writeFile(predictionsCsv, w -> CsvExport.writePredictions(w, engine.experiments().predictions(e.id(), chosen.number())));
            }
            if (common.json) {
                Map<String, Object> m = summary(engine, e);
                m.put("best_trial", r.bestTrial() == null ? null : trialJson(r.bestTrial()));
                m.put("optimized_parameters", r.optimized());
                m.put("non_optimized_parameters", r.nonOptimized());
                List<Map<String, Object>> ts = new ArrayList<>();
                r.trials().forEach(t -> ts.add(trialJson(t)));
                m.put("trials", ts);
                common.printJson(m);
            } else {
                printResult(r);
                if (trialsCsv != null) {
                    common.out().println("trials written to " + trialsCsv);
                }
                if (predictionsCsv != null) {
                    common.out().println("predictions of trial " + chosen.number() + " written to " + predictionsCsv);
                }
            }
            return Main.OK;
        }
    }

    private interface CsvBody {
        void write(Writer w) throws IOException;
    }

    private static void writeFile(Path file, CsvBody body) {
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to clean
            }
            throw new InvalidInputException(file.toString(), "cannot write: " + ex.getMessage());
        }
    }

    private void requireKind(Experiment e) {
        if (e.kind() != kind) {
            throw new InvalidInputException("id", e.id() + " is a" + (e.kind() == ExperimentKind.HPO ? "n HPO" : " backtest")
                    + "; use 'hypercast " + e.kind().name().toLowerCase(Locale.ROOT) + "'");
        }
    }

    static Map<String, Object> trialJson(Trial t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", t.number());
        m.put("state", t.state().name());
        m.put("parameters", t.parameters());
        m.put("metrics", metricsJson(t.metrics()));
        m.put("objective", t.objective());
        m.put("error", t.error());
        m.put("start", t.startedAt() == null ? null : t.startedAt().toString());
        m.put("end", t.finishedAt() == null ? null : t.finishedAt().toString());
        m.put("seconds", t.seconds());
        m.put("worker", t.worker());
        return m;
    }

    static Map<String, Object> metricsJson(Metrics m) {
        if (m == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mae", m.mae());
        out.put("mape", m.mape());
        out.put("rmse", m.rmse());
        out.put("mse", m.mse());
        out.put("rows", m.rows());
        out.put("mape_zero_actuals", m.mapeZeroActuals());
        return out;
    }

    private Map<String, Object> summary(Engine engine, Experiment e) {
        List<Trial> trials = engine.experiments().trials(e.id());
        long completed = trials.stream().filter(t -> t.state() == io.hypercast.model.TrialState.COMPLETED).count();
        Trial best = engine.experiments().best(e.id()).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", e.id().toString());
        m.put("kind", e.kind().name());
        m.put("title", e.title());
        m.put("project", e.projectId().toString());
        m.put("model", e.modelId().toString());
        m.put("state", e.state().name());
        m.put("completed_trials", completed);
        m.put("num_trials", e.plannedTrials());
        m.put("best_objective", best == null ? null : best.objective());
        m.put("timed_out", e.timedOut());
        m.put("error", e.error());
        m.put("creator", e.creator());
        m.put("created", e.createdAt() == null ? null : e.createdAt().toString());
        m.put("started", e.startedAt() == null ? null : e.startedAt().toString());
        m.put("finished", e.finishedAt() == null ? null : e.finishedAt().toString());
        return m;
    }

    private void printSummary(Engine engine, Experiment e) {
        Map<String, Object> s = summary(engine, e);
        common.out().println(noun() + " " + e.id() + "  " + e.title());
        common.out().println("  state     " + e.state() + (e.timedOut() ? " (timed out)" : ""));
        common.out().println("  progress  " + s.get("completed_trials") + " / " + s.get("num_trials") + " trials completed");
        if (s.get("best_objective") != null) {
            common.out().println("  best      " + fmt(s.get("best_objective")) + (e.hpo() != null ? " " + e.hpo().searchAlgorithm().metric().key() : " rmse"));
        }
        if (e.error() != null) {
            common.out().println("  error     " + e.error());
        }
    }

    private void printResult(HpoResult r) {
        Experiment e = r.experiment();
        common.out().println(noun() + " " + e.id() + "  " + e.title() + "  [" + e.state() + (e.timedOut() ? ", timed out" : "") + "]");
        common.out().println("trials: " + r.completed() + " completed of " + r.trials().size());
        Trial b = r.bestTrial();
        if (b == null) {
            common.out().println("no completed trial, so no best trial" + (e.error() != null ? " (" + e.error() + ")" : ""));
            return;
        }
        common.out().println();
        common.out().println("best trial #" + b.number());
        Metrics m = b.metrics();
        common.out().printf(Locale.ROOT, "  MAE   %.3f%n  MAPE  %s%n  RMSE  %.3f%n", m.mae(), m.mape() == null ? "undefined (every actual is zero)" : String.format(Locale.ROOT, "%.3f %%", m.mape()), m.rmse());
        if (!r.optimized().isEmpty()) {
            common.out().println("  optimized parameters");
            for (String name : r.optimized()) {
                common.out().println("    " + name + " = " + ParamValues.display(b.parameters().get(name)));
            }
        }
        common.out().println("  non-optimized parameters");
        for (Map.Entry<String, Object> p : r.nonOptimized().entrySet()) {
            common.out().println("    " + p.getKey() + " = " + ParamValues.display(p.getValue()));
        }
    }

    private static String fmt(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : "-";
    }

    /** Prints a line per finished trial on stderr, so stdout stays one result (or one JSON object). */
    static final class ProgressPrinter implements io.hypercast.engine.hpo.RunListener {
        private final java.io.PrintWriter err;
        private final boolean quiet;

        ProgressPrinter(java.io.PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void onNotice(java.util.UUID experimentId, String message) {
            if (!quiet) {
                synchronized (err) {
                    err.println("cluster: " + message);
                    err.flush();
                }
            }
        }

        @Override
        public void onProgress(RunProgress p) {
            if (quiet || p.trial() == null || !p.trial().state().isTerminal()) {
                return;
            }
            Trial t = p.trial();
            String metric = t.objective() != null ? String.format(Locale.ROOT, "objective %.3f", t.objective()) : (t.error() == null ? "" : t.error());
            synchronized (err) {
                err.printf(Locale.ROOT, "[%d / %d] trial %d %s %s%s%n", p.completed(), p.planned(), t.number(), t.state(), metric,
                        p.bestObjective() == null ? "" : String.format(Locale.ROOT, "  (best %.3f)", p.bestObjective()));
                err.flush();
            }
        }
    }
}
