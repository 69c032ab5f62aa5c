package io.hypercast.engine.bench;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.Settings;
import io.hypercast.engine.backtest.BacktestRunner;
import io.hypercast.engine.backtest.PreparedBacktest;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.bench.BenchRow.Target;
import io.hypercast.engine.hpo.TrialSeeds;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.Hyperopt;
import io.hypercast.model.Node;
import io.hypercast.model.Project;
import io.hypercast.model.RandomSearch;
import io.hypercast.model.RelativeTiming;
import io.hypercast.model.SearchAlgorithm;
import io.hypercast.model.Trial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code hypercast bench}: the figures of issue 7 against the peers' and the targets, in one table.
 * Sections: 0 machine, 1 demo HPO and the fixed trial, 2 overhead, 3 TPE suggestion time, 4 search
 * quality, 5 cost growth, 6 store and peak memory, 7 window (from the UI's own benchmark), 8 cluster
 * throughput with 1-3 local worker processes (full mode only).
 *
 * <p>Everything runs through the engine's real paths in a store of its own (a temporary one unless
 * a file is given); the figures are to be read, not asserted.
 */
public final class Bench {
    static final String S0 = "0 machine";
    static final String S1 = "1 demo HPO";
    static final String S2 = "2 overhead";
    static final String S3 = "3 TPE suggestion";
    static final String S4 = "4 search quality";
    static final String S5 = "5 cost growth";
    static final String S6 = "6 store, memory";
    static final String S7 = "7 window";

    /** The fixed trial of issue 7: the demo backtest with these values, one thread. */
    public static Map<String, Object> fixedTrialParameters(int rounds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("num_boost_round", (long) rounds);
        p.put("max_depth", 8L);
        p.put("learning_rate", 0.05);
        p.put("min_child_weight", 10.0);
        return p;
    }

    private final BenchConfig cfg;
    private final Consumer<String> log;
    private final BenchTable table = new BenchTable();

    private Bench(BenchConfig cfg, Consumer<String> log) {
        this.cfg = cfg;
        this.log = log == null ? s -> { } : log;
    }

    /**
     * Runs every section.
     *
     * @param store the store file to use, or null for a temporary one (removed afterwards)
     * @param log   told what runs now (progress), may be null
     */
    public static BenchTable run(BenchConfig cfg, Path store, Consumer<String> log) {
        return new Bench(cfg, log).run(store);
    }

    private BenchTable run(Path store) {
        Path tmp = null;
        try {
            if (store == null) {
                tmp = Files.createTempDirectory("hypercast-bench");
                store = tmp.resolve("bench.db");
            }
            machine();
            BenchTable cluster = new BenchTable();
            Settings settings = Settings.fromEnvironment().withDatabase(store).withProfile("hypercast-bench");
            try (Engine engine = Engine.open(settings)) {
                Demo.Created demo = Demo.ensure(engine);
                TrialOutcome sample = demoAndFixedTrial(engine, demo);
                samplers();
                costGrowth(engine);
                store(engine, demo, sample);
                if (cfg.isFull()) {
                    // child JVMs and four more demo HPOs: a minute or two, so only in the full bench
                    ClusterThroughput.addTo(cluster, engine, demo, cfg.demoTrials(), log);
                }
            }
            memory();
            window();
            cluster.rows().forEach(table::add);
            table.add(BenchRow.of(S0, "load average at the end", loadAverage(), "", "1-minute; the machine has "
                    + Runtime.getRuntime().availableProcessors() + " cores"));
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    // ---- 0 ----

    private void machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        table.add(BenchRow.of(S0, "cores", cores, "", cpuModel()));
        table.add(BenchRow.text(S0, "JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + "), max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"));
        table.add(BenchRow.text(S0, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", OMP_WAIT_POLICY=" + System.getenv().getOrDefault("OMP_WAIT_POLICY", "(unset)")));
        table.add(BenchRow.text(S0, "date", ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ", mode " + cfg.name()));
        table.add(BenchRow.of(S0, "load average at the start", loadAverage(), "", "1-minute; figures are noisy when it nears the core count"));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    // ---- 1 and 2 ----

    private TrialOutcome demoAndFixedTrial(Engine engine, Demo.Created demo) {
        HpoSpec shipped = Demo.spec();
        Hyperopt h = (Hyperopt) shipped.searchAlgorithm();
        int n = cfg.demoTrials();
        String trialsNote = n == h.numTrials() ? "" : " (" + cfg.name() + ": " + n + " trials, not " + h.numTrials() + ")";

        log.accept("demo HPO, TPE, 2 concurrent trials");
        HpoTiming.Figures tpe2 = HpoTiming.run(engine, demo.project().id(),
                withAlgorithm(shipped, new Hyperopt(n, 2, h.nStartupJobs(), h.metric(), h.seed()), "bench TPE x2"));
        log.accept("demo HPO, TPE, 1 trial at a time");
        HpoTiming.Figures tpe1 = HpoTiming.run(engine, demo.project().id(),
                withAlgorithm(shipped, new Hyperopt(n, 1, h.nStartupJobs(), h.metric(), h.seed()), "bench TPE x1"));
        HpoTiming.Figures ratio1;
        HpoTiming.Figures ratio2;
        HpoTiming.Figures overhead1 = null;
        HpoTiming.Figures overhead2 = null;
        String ratioNote;
        if (n <= h.nStartupJobs()) {
            // every trial is a start-up draw, which depends on the seed and the trial number only
            ratio1 = tpe1;
            ratio2 = tpe2;
            ratioNote = "the same " + n + " parameter sets in both runs (all are TPE start-up draws)";
        } else {
            log.accept("demo HPO, Random, 2, 1, 1 and 2 concurrent trials (the same parameter sets)");
            HpoSpec r2 = withAlgorithm(shipped, new RandomSearch(n, 2, h.metric(), h.seed()), "bench Random x2");
            HpoSpec r1 = withAlgorithm(shipped, new RandomSearch(n, 1, h.metric(), h.seed()), "bench Random x1");
            ratio2 = HpoTiming.run(engine, demo.project().id(), r2);
            ratio1 = HpoTiming.run(engine, demo.project().id(), r1);
            // and back in the opposite order, so that a load that rises or falls during the pair cancels out
            HpoTiming.Figures again1 = HpoTiming.run(engine, demo.project().id(), r1);
            HpoTiming.Figures again2 = HpoTiming.run(engine, demo.project().id(), r2);
            ratioNote = "Random seed " + h.seed() + ": the same " + n + " parameter sets in all four runs, ordered 2, 1, 1, 2 (pairs: "
                    + fmt(ratio2.throughput() / ratio1.throughput()) + ", " + fmt(again2.throughput() / again1.throughput()) + ")";
            overhead2 = ratio2;
            overhead1 = ratio1;
            ratio1 = combined(ratio1, again1);
            ratio2 = combined(ratio2, again2);
        }
        String peerRmse = "Optuna TPE + xgboost: 615; weekly seasonal naive: 774";
        addRun(tpe2, "TPE, 2 concurrent (as shipped)", trialsNote, peerRmse, true);
        addRun(tpe1, "TPE, 1 at a time", trialsNote, peerRmse, false);
        double ratio = ratio2.throughput() / ratio1.throughput();
        table.add(BenchRow.of(S1, "throughput, 2 concurrent / 1 at a time", ratio, "x",
                ratioNote + "; " + fmt(ratio2.throughput() * 60) + " vs " + fmt(ratio1.throughput() * 60) + " trials/min; the process kept "
                        + fmt(ratio2.coresUsed()) + " vs " + fmt(ratio1.coresUsed()) + " cores busy (CPU / wall): below 2 vs 1 when other programs take CPU")
                .withTarget(Target.atLeast(1.8), ""));
        if (ratio1 != tpe1) {
            table.add(BenchRow.of(S1, "throughput, TPE runs, 2 / 1", tpe2.throughput() / tpe1.throughput(), "x",
                    "different parameter sets after the start-up trials, so only indicative"));
        }

        TrialOutcome sample = fixedTrial(engine, demo);

        // 2: overhead
        Map<String, HpoTiming.Figures> runs = new LinkedHashMap<>();
        runs.put("TPE, 2 concurrent", tpe2);
        runs.put("TPE, 1 at a time", tpe1);
        if (overhead1 != null) {
            runs.put("Random, 2 concurrent", overhead2);
            runs.put("Random, 1 at a time", overhead1);
        }
        for (Map.Entry<String, HpoTiming.Figures> run : runs.entrySet()) {
            String name = run.getKey();
            HpoTiming.Figures f = run.getValue();
            table.add(BenchRow.of(S2, name + ": overhead", f.overheadPercent(), "%",
                    "wall " + fmt(f.wallSeconds()) + " s - busy " + fmt(f.busySeconds()) + " s / " + f.workers() + " workers; includes loading "
                            + fmt(f.loadSeconds()) + " s" + (f.workers() > 1 ? " and the drain (last trials alone) " + fmt(f.drainSeconds() / f.workers())
                            + " s, in which free slots train the folds of the trials still running (counted in those trials' spans, once)" : ""))
                    .withTarget(Target.under(1), ""));
            List<Double> gaps = f.gapsSeconds();
            if (!gaps.isEmpty()) {
                double[] g = gaps.stream().mapToDouble(Double::doubleValue).toArray();
                table.add(BenchRow.of(S2, name + ": gap between trials, median", 1000 * Stats.median(g), "ms",
                        "from a trial's end to the next one's start; longest " + fmt(1000 * Stats.quantile(g, 1)) + " ms, sum " + fmt(Arrays.stream(g).sum()) + " s"));
            }
            if (f.workers() > 1) {
                table.add(BenchRow.of(S2, name + ": overhead without the drain", f.overheadWithoutDrainPercent(), "%",
                        "idle worker time once no trial was left to start is left out"));
            }
        }
        table.add(BenchRow.of(S2, "loading data (guardrails, NoTS, fold matrices)", tpe1.loadSeconds(), "s",
                "run request to first trial start, TPE 1 at a time"));
        int empty = Math.max(10, cfg.demoTrials() * 2);
        EmptyTrials.millisPerTrial(engine, demo, sample, 5); // warm-up
        double perTrial = EmptyTrials.millisPerTrial(engine, demo, sample, empty);
        table.add(BenchRow.of(S2, "engine cost per trial (trials that cost nothing)", perTrial, "ms",
                empty + " empty trials one at a time: TPE suggestion, 2 store writes (a trial's end with its " + sample.predictions().size()
                        + " predictions and the next one's QUEUED row; RUNNING), hand-offs; " + fmt(100 * perTrial / 1000 / tpe1.medianTrialSeconds()) + " % of the median demo trial"));
        return sample;
    }

    /** Two runs of the same spec as one: times and trials added up (for the throughput ratio). */
    private static HpoTiming.Figures combined(HpoTiming.Figures a, HpoTiming.Figures b) {
        List<Double> trials = new ArrayList<>(a.trialSeconds());
        trials.addAll(b.trialSeconds());
        List<Trial> all = new ArrayList<>(a.trials());
        all.addAll(b.trials());
        return new HpoTiming.Figures(a.experimentId(), a.state(), a.completed() + b.completed(), a.failed() + b.failed(),
                a.wallSeconds() + b.wallSeconds(), a.loadSeconds() + b.loadSeconds(), a.busySeconds() + b.busySeconds(), a.workers(),
                a.drainSeconds() + b.drainSeconds(), trials, Math.min(a.best(), b.best()), all, a.cpuSeconds() + b.cpuSeconds());
    }

    private void addRun(HpoTiming.Figures f, String name, String trialsNote, String peerRmse, boolean withTarget) {
        String state = f.completed() + " completed, " + f.failed() + " failed" + trialsNote + "; " + fmt(f.coresUsed()) + " cores kept busy";
        table.add(BenchRow.of(S1, name + ": wall time", f.wallSeconds(), "s", state));
        table.add(BenchRow.of(S1, name + ": median per trial", f.medianTrialSeconds(), "s", "busy time of a completed trial"));
        BenchRow best = BenchRow.of(S1, name + ": best RMSE", f.best(), "MW", "seed 0" + trialsNote);
        table.add(withTarget && cfg.demoTrials() >= 30 ? best.withTarget(Target.atMost(600), peerRmse) : best.withTarget(null, peerRmse));
    }

    private static HpoSpec withAlgorithm(HpoSpec spec, SearchAlgorithm algo, String title) {
        return new HpoSpec(spec.backtest().withTitle(title), spec.searchSpace(), algo);
    }

    private TrialOutcome fixedTrial(Engine engine, Demo.Created demo) {
        log.accept("fixed trial");
        try (PreparedBacktest prepared = PreparedBacktest.prepare(Demo.spec().backtest(),
                engine.nots().modelInputs(demo.project().id(), demo.model()))) {
            return fixedTrial(prepared, demo);
        }
    }

    private TrialOutcome fixedTrial(PreparedBacktest prepared, Demo.Created demo) {
        Map<String, Object> params = resolved(demo.model(), fixedTrialParameters(cfg.fixedRounds()));
        long seed = TrialSeeds.of(0, 1);
        TrialOutcome[] out = new TrialOutcome[1];
        Timing t = Timing.of(cfg.fixedWarmups(), cfg.fixedRuns(), () -> out[0] = BacktestRunner.run(prepared, params, 1, seed, () -> false));
        String what = "num_boost_round " + cfg.fixedRounds() + ", max_depth 8, learning_rate 0.05, min_child_weight 10; " + prepared.foldCount()
                + " folds, " + prepared.trainingRows() + " training rows";
        table.add(BenchRow.of(S1, "fixed trial, 1 thread: median time", t.wall(), "s",
                        "median of " + cfg.fixedRuns() + " after " + cfg.fixedWarmups() + " warm-up runs (min " + fmt(t.minWall()) + "); " + what
                                + "; the folds' LightGBM Datasets built by the first run, as for every trial of an HPO after its first")
                .withTarget(cfg.fixedRounds() == 500 ? Target.atMost(0.30) : null, "pandas + xgboost: 0.885"));
        table.add(BenchRow.of(S1, "fixed trial, 1 thread: median CPU time", t.cpu(), "s",
                "the trial thread's CPU time: what the wall time would be on an idle machine"));
        table.add(BenchRow.of(S1, "fixed trial: RMSE", out[0].metrics().rmse(), "MW", "LightGBM; the peer uses xgboost")
                .withTarget(null, "xgboost: 680.6"));
        return out[0];
    }

    private static Map<String, Object> resolved(Node model, Map<String, Object> values) {
        Map<String, Object> merged = new LinkedHashMap<>(Nots.parameters(model));
        merged.putAll(values);
        return ModelKinds.get(model.type()).resolve(merged, "bench trial");
    }

    // ---- 3 and 4 ----

    private void samplers() {
        log.accept("TPE suggestion time and search quality");
        SamplerFigures.addTo(table, S3, S4);
    }

    // ---- 5 ----

    private void costGrowth(Engine engine) {
        log.accept("cost growth (synthetic series)");
        Project p = SyntheticDemand.create(engine);
        Node model = engine.nots().model(p.id(), Demo.MODEL);
        var inputs = engine.nots().modelInputs(p.id(), model);
        BacktestSpec base = Demo.spec().backtest();
        Map<String, Object> params = resolved(model, fixedTrialParameters(cfg.growthRounds()));
        long seed = TrialSeeds.of(0, 1);
        Instant testStart = Instant.parse("2000-10-02T00:00:00+01:00"); // a Monday
        String what = "SYNTHETIC half-hourly series (demo shape + yearly cycle + noise), the fixed trial's values with num_boost_round "
                + cfg.growthRounds() + ", 1 thread, median of " + cfg.growthRuns() + " after a warm-up; growth from CPU times (steadier than wall on a busy machine)";
        double first = Double.NaN;
        long firstRows = 0;
        for (int k : cfg.growthFactors()) {
            BacktestSpec spec = new BacktestSpec("growth " + k, "", Demo.MODEL, testStart, testStart.plus(Duration.ofDays(28)),
                    new RelativeTiming(Duration.ofDays(-42L * k)), base.fitEndTiming(), base.fitReferenceTiming(),
                    base.predictStartTiming(), base.predictEndTiming(), base.predictReferenceTiming());
            Timing t;
            long trainingRows;
            try (PreparedBacktest prepared = PreparedBacktest.prepare(spec, inputs)) {
                t = Timing.of(1, cfg.growthRuns(), () -> BacktestRunner.run(prepared, params, 1, seed, () -> false));
                trainingRows = prepared.trainingRows();
            }
            if (Double.isNaN(first)) {
                first = t.cpu();
                firstRows = trainingRows;
            }
            table.add(BenchRow.of(S5, "training window " + k + "x (" + 42 * k + " days), 4 folds", t.wall(), "s",
                    trainingRows + " training rows (" + fmt((double) trainingRows / firstRows) + "x); CPU " + fmt(t.cpu())
                            + " s (" + fmt(t.cpu() / first) + "x)" + (k == cfg.growthFactors().get(0) ? "; " + what : "")));
        }
        first = Double.NaN;
        for (int folds : cfg.foldCounts()) {
            BacktestSpec spec = new BacktestSpec("folds " + folds, "", Demo.MODEL, testStart, testStart.plus(Duration.ofDays(7L * folds)),
                    base.fitStartTiming(), base.fitEndTiming(), base.fitReferenceTiming(),
                    base.predictStartTiming(), base.predictEndTiming(), base.predictReferenceTiming());
            Timing t;
            int foldCount;
            long trainingRows;
            try (PreparedBacktest prepared = PreparedBacktest.prepare(spec, inputs)) {
                t = Timing.of(1, cfg.growthRuns(), () -> BacktestRunner.run(prepared, params, 1, seed, () -> false));
                foldCount = prepared.foldCount();
                trainingRows = prepared.trainingRows();
            }
            first = Double.isNaN(first) ? t.cpu() / folds : first;
            table.add(BenchRow.of(S5, folds + " weekly fold" + (folds == 1 ? "" : "s") + ", 42-day window", t.wall(), "s",
                    foldCount + " folds, " + trainingRows + " training rows; CPU " + fmt(t.cpu()) + " s, per fold "
                            + fmt(t.cpu() / folds / first) + "x the first's"));
        }
    }

    // ---- 6 ----

    private void store(Engine engine, Demo.Created demo, TrialOutcome sample) {
        log.accept("store writes, " + cfg.storeWriters() + " concurrent writers");
        StoreThroughput.Figures f = StoreThroughput.run(engine, demo.project().id(), cfg.storeWriters(), cfg.storeTrials(), sample);
        table.add(BenchRow.of(S6, "trial rows written, " + cfg.storeWriters() + " concurrent writers", f.trialsPerSecond(), "rows/s",
                f.trials() + " trials, each as a run writes it: queued, running, finished with " + sample.folds().size() + " fold rows and "
                        + sample.predictions().size() + " predictions (" + fmt(f.transactionsPerSecond()) + " transactions/s)"));
        table.add(BenchRow.of(S6, "store write latency, median", f.medianMillis(), "ms", "one transaction, waiting included; p99 " + fmt(f.p99Millis()) + " ms"));
    }

    private void memory() {
        log.accept("peak memory of a " + cfg.memoryTrials() + "-trial demo HPO" + (cfg.memoryInChild() ? " (in a fresh JVM)" : ""));
        PeakMemory.Figures f = PeakMemory.measure(cfg.memoryTrials(), cfg.memoryInChild());
        String note = f.note();
        if (cfg.memoryTrials() != 150) {
            note = cfg.name() + ": " + cfg.memoryTrials() + " trials, not 150; " + note;
        }
        BenchRow row = BenchRow.of(S6, "peak RSS (VmHWM), demo HPO of " + cfg.memoryTrials() + " trials", f.peakMb(), "MB", note);
        table.add(cfg.memoryTrials() == 150 ? row.withTarget(Target.atMost(600), "") : row);
    }

    // ---- 7 ----

    private void window() {
        // the FX stall needs JavaFX's test robot: the UI's own benchmark (a test tagged bench) measures it
        if (cfg.name().equals("tiny")) {
            table.add(BenchRow.text(S7, "launch to the Experiment page shown", "not in the tiny run (the smoke test opens no window)"));
        } else if (!LaunchTime.displayAvailable()) {
            table.add(BenchRow.text(S7, "launch to the Experiment page shown", "no display here: run the benchmark under xvfb-run (or on a desktop)"));
        } else {
            log.accept("window launch time");
            try {
                LaunchTime.Figures f = LaunchTime.measure(cfg.fixedRuns());
                table.add(BenchRow.of(S7, "launch to the Experiment page shown", f.medianSeconds(), "s", f.note()));
            } catch (RuntimeException e) {
                table.add(BenchRow.text(S7, "launch to the Experiment page shown", "not measured: " + e.getMessage()));
            }
        }
        table.add(BenchRow.text(S7, "longest FX-thread stall during a 150-trial run",
                "see README (the UI benchmark: mvn test -Dgroups=bench -DexcludedGroups= -Dtest='FxStall*')"));
    }

    static String fmt(double v) {
        return BenchTable.format(v);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            });
        } catch (IOException ignored) {
            // ditto
        }
    }

}
