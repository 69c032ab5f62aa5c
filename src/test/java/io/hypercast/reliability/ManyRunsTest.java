package io.hypercast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.hpo.HpoRun;
import io.hypercast.engine.hpo.RunListener;
import io.hypercast.engine.hpo.Samplers;
import io.hypercast.engine.hpo.TrialEvaluator;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.engine.store.ExperimentRepository;
import io.hypercast.engine.store.Store;
import io.hypercast.model.Experiment;
import io.hypercast.model.FoldResult;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.Metric;
import io.hypercast.model.Metrics;
import io.hypercast.model.Prediction;
import io.hypercast.testing.SyntheticProject;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many runs writing one store at once: 5 HPO runs x 5 concurrent trials of a ~20 ms fake backtest,
 * 500 trials, each trial three transactions (queued, running, finished with its folds and
 * predictions) through the one writer thread; and a second process (the command line) writing the
 * same file meanwhile.
 */
class ManyRunsTest {
    static final String SPACE = """
            {"num_boost_round": {"type": "QUniform", "lower": 20, "upper": 60, "q": 20},
             "learning_rate": {"type": "LogUniform", "lower": 0.05, "upper": 0.3}}""";

    @TempDir
    Path dir;

    /** A trial of {@code millis} with one fold and 48 predictions to write; its rmse depends on the learning rate. */
    static TrialEvaluator fake(long millis, AtomicInteger now, AtomicInteger peak) {
        return (params, threads, seed, cancelled) -> {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                LockSupport.parkNanos(millis * 1_000_000);
                double lr = ((Number) params.get("learning_rate")).doubleValue();
                double rmse = 10 + Math.abs(Math.log(lr / 0.1));
                Metrics m = new Metrics(rmse * 0.8, rmse * rmse, rmse, 5.0, 48, 0);
                Instant r = Instant.parse("2024-03-04T00:00:00Z");
                List<Prediction> preds = new ArrayList<>();
                for (int h = 0; h < 48; h++) {
                    preds.add(new Prediction(r.plusSeconds(3600L * h), r, 1000.0 + h, 1000.0 + h + rmse));
                }
                return new TrialOutcome(m, List.of(new FoldResult(0, r, 672, 0.01, 48, 0, m)), preds, 0);
            } finally {
                now.decrementAndGet();
            }
        };
    }

    /** Starts HpoRuns of these drafts with the fake trial, owned by this process as Experiments would own them. */
    static List<CompletableFuture<HpoState>> startFakeRuns(long millis, Store store, TrialScheduler scheduler, ScheduledExecutorService timer,
                                                          List<Experiment> drafts, AtomicInteger[] peaks, Collection<String> problems) throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        List<CompletableFuture<HpoState>> runs = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Experiment e = drafts.get(i);
            HpoSpec spec = e.hpo();
            Instant now = Instant.now();
            Instant deadline = now.plus(Duration.ofMinutes(5));
            store.write(c -> {
                new ExperimentRepository().start(c, e.id(), now, deadline, ProcessHandle.current().pid(), host);
                return null;
            });
            AtomicInteger running = new AtomicInteger();
            RunListener listener = p -> {
                if (p.trial() != null && p.trial().error() != null) {
                    problems.add("trial " + p.trial().number() + " of " + e.id() + ": " + p.trial().error());
                }
            };
            runs.add(new HpoRun(new HpoRun.Setup(e.id(), store, scheduler, timer, Samplers.create(spec.searchSpace(), spec.searchAlgorithm()),
                    ModelKinds.get("LightGBM"), new LinkedHashMap<>(), spec.searchSpace().parameters().keySet(), fake(millis, running, peaks[i]),
                    Metric.RMSE, spec.searchAlgorithm().numTrials(), spec.searchAlgorithm().maxConcurrentTrials(), spec.searchAlgorithm().seed(),
                    deadline, Clock.systemUTC(), listener, List.of())).start());
        }
        return runs;
    }

    static List<Experiment> drafts(Engine engine, UUID project, int n, int trials, int concurrent) {
        List<Experiment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(engine.experiments().createHpo(project, SpecJson.readHpo(SyntheticProject.hpoSpecJson(trials, concurrent, SPACE)
                    .replace("\"seed\": 1", "\"seed\": " + (100 + i)))));
        }
        return out;
    }

    /** Every trial of these experiments: count per state, and whether numbers are exactly 1..n for each. */
    static void assertAllTrialsFinished(Path db, List<Experiment> runs, int trialsEach) throws Exception {
        try (Connection ro = StoreProbe.readOnly(db)) {
            long total = 0;
            for (Experiment e : runs) {
                String id = e.id().toString();
                assertEquals("SUCCESS", StoreProbe.string(ro, "SELECT state FROM experiment WHERE id = ?", id));
                assertNull(StoreProbe.string(ro, "SELECT error FROM experiment WHERE id = ?", id));
                assertEquals(trialsEach, StoreProbe.count(ro, "SELECT count(*) FROM trial WHERE experiment_id = ?", id));
                assertEquals(trialsEach, StoreProbe.count(ro, "SELECT count(*) FROM trial WHERE experiment_id = ? AND state = 'COMPLETED'", id));
                assertEquals(trialsEach, StoreProbe.count(ro, "SELECT count(DISTINCT number) FROM trial WHERE experiment_id = ?"
                        + " AND number BETWEEN 1 AND " + trialsEach, id), "numbers 1.." + trialsEach + ", each once");
                assertEquals(trialsEach, StoreProbe.count(ro, "SELECT count(*) FROM trial_predictions WHERE experiment_id = ? AND n = 48", id),
                        "every completed trial has its predictions");
                assertEquals(trialsEach, StoreProbe.count(ro, "SELECT count(*) FROM trial_fold WHERE experiment_id = ?", id));
                total += StoreProbe.count(ro, "SELECT count(*) FROM trial WHERE experiment_id = ?", id);
            }
            assertEquals((long) runs.size() * trialsEach, total);
        }
        assertEquals("ok", StoreProbe.integrityCheck(db));
    }

    @Test
    void fiveRunsOfFiveConcurrentTrialsWriteFiveHundredTrialsWithoutALockError() throws Exception {
        Path db = dir.resolve("many.db");
        Settings s = new Settings(dir, db, "reliability", Duration.ofMinutes(10));
        // 25 workers: all 25 trials of the 5 runs can be in flight at once
        TrialScheduler scheduler = new TrialScheduler(25, 2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Engine engine = Engine.open(s, new TrialScheduler(1, 1), Clock.systemUTC())) {
            SyntheticProject sp = SyntheticProject.create(engine, "many");
            List<Experiment> drafts = drafts(engine, sp.project.id(), 5, 100, 5);
            AtomicInteger[] peaks = new AtomicInteger[5];
            for (int i = 0; i < 5; i++) {
                peaks[i] = new AtomicInteger();
            }
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            long t0 = System.nanoTime();
            List<CompletableFuture<HpoState>> runs = startFakeRuns(20, engine.store(), scheduler, timer, drafts, peaks, errors);
            for (CompletableFuture<HpoState> r : runs) {
                assertEquals(HpoState.SUCCESS, r.get(120, TimeUnit.SECONDS));
            }
            System.out.println("ManyRunsTest: 500 trials in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertTrue(errors.isEmpty(), "no trial reported an error (e.g. database is locked): " + errors);
            for (AtomicInteger p : peaks) {
                assertTrue(p.get() <= 5, "a run's cap held: " + p.get());
            }
            assertAllTrialsFinished(db, drafts, 100);
        } finally {
            timer.shutdownNow();
            scheduler.close();
        }
    }

    /**
     * Two processes on one file: the command line runs a real-LightGBM HPO in a child JVM while this
     * process runs three fake HPOs of 5 concurrent 60 ms trials meanwhile; both finish, nothing is locked out.
     */
    @Test
    void theCommandLineAndAnEngineInThisProcessShareOneStore() throws Exception {
        Path db = dir.resolve("shared.db");
        Settings s = new Settings(dir, db, "reliability", Duration.ofMinutes(10));
        TrialScheduler scheduler = new TrialScheduler(15, 2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        UUID childHpo;
        List<Experiment> drafts;
        try (Engine engine = Engine.open(s, new TrialScheduler(1, 1), Clock.systemUTC())) {
            SyntheticProject sp = SyntheticProject.create(engine, "shared");
            childHpo = engine.experiments().createHpo(sp.project.id(),
                    SpecJson.readHpo(SyntheticProject.hpoSpecJson(12, 2, SPACE))).id();
            drafts = drafts(engine, sp.project.id(), 3, 60, 5);
        }
        ChildCli child = ChildCli.start(dir, dir.resolve("child.log"), "hpo", "run", childHpo.toString(), "--wait", "--db", db.toString());
        try (Engine engine = Engine.open(s, new TrialScheduler(1, 1), Clock.systemUTC())) {
            // start writing once the child writes too
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (engine.experiments().get(childHpo).state() == HpoState.DRAFT && System.nanoTime() < until && child.process.isAlive()) {
                LockSupport.parkNanos(5_000_000);
            }
            AtomicInteger[] peaks = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            List<CompletableFuture<HpoState>> runs = startFakeRuns(60, engine.store(), scheduler, timer, drafts, peaks, errors);
            for (CompletableFuture<HpoState> r : runs) {
                assertEquals(HpoState.SUCCESS, r.get(120, TimeUnit.SECONDS));
            }
            assertEquals(0, child.await(120), child.output());
            assertTrue(errors.isEmpty(), "no trial reported an error: " + errors);
            assertEquals(HpoState.SUCCESS, engine.experiments().get(childHpo).state(), child.output());
            assertEquals(12, engine.experiments().trials(childHpo).stream().filter(t -> t.state().name().equals("COMPLETED")).count());
        } finally {
            timer.shutdownNow();
            scheduler.close();
        }
        assertAllTrialsFinished(db, drafts, 60);
    }
}
