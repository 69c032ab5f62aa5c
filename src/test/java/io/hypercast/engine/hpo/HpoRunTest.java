package io.hypercast.engine.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.models.TrialCancelledException;
import io.hypercast.engine.store.ExperimentRepository;
import io.hypercast.engine.store.ProjectRepository;
import io.hypercast.engine.store.Store;
import io.hypercast.engine.store.TrialRepository;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.CronTiming;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.Hyperopt;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.LogUniform;
import io.hypercast.model.Metric;
import io.hypercast.model.Metrics;
import io.hypercast.model.Project;
import io.hypercast.model.QUniform;
import io.hypercast.model.RelativeTiming;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run coordinator with fake trials: concurrency, failures, NaN, timeout, reproducibility. */
class HpoRunTest {
    @TempDir
    Path dir;
    private Store store;
    private TrialScheduler scheduler;
    private ScheduledExecutorService timer;
    private final TrialRepository trials = new TrialRepository();

    private static final SearchSpace SPACE = new SearchSpace(Map.of(
            "learning_rate", new LogUniform(0.01, 0.3),
            "num_boost_round", new QUniform(10, 200, 10)));

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("t.db"));
        scheduler = new TrialScheduler(5, 2);
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        scheduler.close();
        store.close();
    }

    private UUID newExperiment(int numTrials, int maxConcurrent, long seed) {
        Project p = new Project(UUID.randomUUID(), "p", "", "me", Instant.now(), false);
        BacktestSpec bt = new BacktestSpec("hpo", "", "m", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-08T00:00:00Z"),
                new RelativeTiming(Duration.ofDays(-7)), new RelativeTiming(Duration.ZERO), new CronTiming("0 0 * * 1"),
                new RelativeTiming(Duration.ZERO), new RelativeTiming(Duration.ofHours(24)), new CronTiming("0 0 * * *"));
        HpoSpec spec = new HpoSpec(bt, SPACE, new Hyperopt(numTrials, maxConcurrent, 5, Metric.RMSE, seed));
        Experiment e = new Experiment(UUID.randomUUID(), p.id(), ExperimentKind.HPO, "hpo", UUID.randomUUID(), bt, spec, HpoState.DRAFT,
                "me", Instant.now(), null, null, false, null);
        store.write(c -> {
            new ProjectRepository().insert(c, p);
            new ExperimentRepository().insert(c, e);
            return null;
        });
        return e.id();
    }

    private HpoRun run(UUID id, int numTrials, int maxConcurrent, long seed, Duration timeout, TrialEvaluator evaluator) {
        Hyperopt algo = new Hyperopt(numTrials, maxConcurrent, 5, Metric.RMSE, seed);
        return new HpoRun(new HpoRun.Setup(id, store, scheduler, timer, Samplers.create(SPACE, algo), ModelKinds.get("LightGBM"),
                new LinkedHashMap<>(), Set.copyOf(SPACE.parameters().keySet()), evaluator, Metric.RMSE, numTrials, maxConcurrent, seed,
                Instant.now().plus(timeout), Clock.systemUTC(), RunListener.NONE, List.of()));
    }

    private static TrialOutcome outcome(double rmse) {
        return new TrialOutcome(new Metrics(rmse, rmse * rmse, rmse, 1.0, 10, 0), List.of(), List.of(), 0);
    }

    private static TrialEvaluator objective(ToDoubleFunction<Map<String, Object>> f) {
        return (params, threads, seed, cancelled) -> outcome(f.applyAsDouble(params));
    }

    private static double lrDistance(Map<String, Object> p) {
        return Math.abs(Math.log((Double) p.get("learning_rate")) - Math.log(0.05));
    }

    private List<Trial> stored(UUID id) {
        return store.read(c -> trials.list(c, id));
    }

    @Test
    void runningTrialsNeverExceedMaxConcurrentTrials() {
        UUID id = newExperiment(20, 3, 0);
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        HpoState end = run(id, 20, 3, 0, Duration.ofMinutes(5), (params, threads, seed, cancelled) -> {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            LockSupport.parkNanos(3_000_000); // a trial's work
            now.decrementAndGet();
            return outcome(lrDistance(params));
        }).start().join();
        assertEquals(HpoState.SUCCESS, end);
        assertTrue(peak.get() <= 3, "peak " + peak.get());
        assertEquals(3, peak.get(), "the cap is reached with 5 free workers");
        List<Trial> all = stored(id);
        assertEquals(20, all.size());
        assertTrue(all.stream().allMatch(t -> t.state() == TrialState.COMPLETED));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), all.stream().map(Trial::number).toList());
    }

    @Test
    void aFinishedTrialIsStoredTogetherWithTheNextTrialsQueuedRowBeforeTheRunReportsIt() {
        UUID id = newExperiment(6, 1, 0);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunListener listener = p -> {
            Trial t = p.trial();
            if (t != null && t.finishedAt() != null) {
                Map<Integer, TrialState> states = new java.util.HashMap<>();
                for (Trial s : stored(id)) {
                    states.put(s.number(), s.state());
                }
                seen.add(t.number() + " " + states.get(t.number()) + ", next " + states.get(t.number() + 1));
            }
        };
        Hyperopt algo = new Hyperopt(6, 1, 5, Metric.RMSE, 0);
        HpoState end = new HpoRun(new HpoRun.Setup(id, store, scheduler, timer, Samplers.create(SPACE, algo), ModelKinds.get("LightGBM"),
                new LinkedHashMap<>(), Set.copyOf(SPACE.parameters().keySet()), objective(HpoRunTest::lrDistance), Metric.RMSE, 6, 1, 0,
                Instant.now().plus(Duration.ofMinutes(5)), Clock.systemUTC(), listener, List.of())).start().join();
        assertEquals(HpoState.SUCCESS, end);
        // one write between two trials: the end of one and the QUEUED row of the next
        assertEquals(List.of("1 COMPLETED, next QUEUED", "2 COMPLETED, next QUEUED", "3 COMPLETED, next QUEUED", "4 COMPLETED, next QUEUED",
                "5 COMPLETED, next QUEUED", "6 COMPLETED, next null"), seen);
    }

    /** A trial of {@code pieces} pieces of work; each piece records the thread that did it. */
    private static TrialEvaluator pieces(int pieces, Map<Long, List<String>> doneBy) {
        return new TrialEvaluator() {
            @Override
            public TrialOutcome evaluate(Map<String, Object> params, int threads, long seed, java.util.function.BooleanSupplier cancelled) {
                throw new AssertionError("the run starts its trials as work");
            }

            @Override
            public Work start(Map<String, Object> params, int threads, long seed, java.util.function.BooleanSupplier cancelled) {
                AtomicInteger next = new AtomicInteger();
                java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(pieces);
                List<String> by = doneBy.computeIfAbsent(seed, s -> new java.util.concurrent.CopyOnWriteArrayList<>());
                return new Work() {
                    @Override
                    public boolean help() {
                        if (next.getAndIncrement() >= pieces) {
                            return false;
                        }
                        LockSupport.parkNanos(2_000_000);
                        by.add(Thread.currentThread().getName());
                        ended.countDown();
                        return true;
                    }

                    @Override
                    public TrialOutcome run() {
                        while (help()) {
                            // own pieces
                        }
                        try {
                            ended.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return outcome(lrDistance(params));
                    }
                };
            }
        };
    }

    /** Trial 1 is one piece (that first waits for trial 2 to be under way when {@code waitForSecond}), trial 2 150 (0.3 s). */
    private static TrialEvaluator shortThenLong(Map<Long, List<String>> doneBy, boolean waitForSecond) {
        java.util.concurrent.CountDownLatch secondUnderWay = new java.util.concurrent.CountDownLatch(1);
        TrialEvaluator second = pieces(150, doneBy);
        return new TrialEvaluator() {
            @Override
            public TrialOutcome evaluate(Map<String, Object> params, int threads, long seed, java.util.function.BooleanSupplier cancelled) {
                throw new AssertionError("the run starts its trials as work");
            }

            @Override
            public Work start(Map<String, Object> params, int threads, long seed, java.util.function.BooleanSupplier cancelled) {
                if (seed != TrialSeeds.of(0, 1)) {
                    secondUnderWay.countDown();
                    return second.start(params, threads, seed, cancelled);
                }
                Work first = pieces(1, new java.util.concurrent.ConcurrentHashMap<>()).start(params, threads, seed, cancelled);
                return new Work() {
                    @Override
                    public TrialOutcome run() {
                        try {
                            if (waitForSecond) {
                                secondUnderWay.await();
                            }
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return first.run();
                    }

                    @Override
                    public boolean help() {
                        return first.help();
                    }
                };
            }
        };
    }

    @Test
    void onceNoTrialIsLeftToStartFreeSlotsHelpTheTrialsStillRunning() {
        // when trial 1 ends nothing is left to start, and its worker helps trial 2 with its pieces
        UUID id = newExperiment(2, 2, 0);
        Map<Long, List<String>> doneBy = new java.util.concurrent.ConcurrentHashMap<>();
        assertEquals(HpoState.SUCCESS, run(id, 2, 2, 0, Duration.ofMinutes(5), shortThenLong(doneBy, true)).start().join());
        List<String> second = doneBy.get(TrialSeeds.of(0, 2));
        assertEquals(150, second.size(), "every piece done once");
        assertEquals(2, new java.util.HashSet<>(second).size(), "done by its own worker and a helper: " + second);
        assertEquals(2, stored(id).stream().filter(t -> t.state() == TrialState.COMPLETED).count());

        // one trial at a time: the run's one slot is the trial's, nobody helps
        UUID one = newExperiment(2, 1, 0);
        doneBy.clear();
        assertEquals(HpoState.SUCCESS, run(one, 2, 1, 0, Duration.ofMinutes(5), shortThenLong(doneBy, false)).start().join());
        assertEquals(150, doneBy.get(TrialSeeds.of(0, 2)).size());
        assertEquals(1, new java.util.HashSet<>(doneBy.get(TrialSeeds.of(0, 2))).size());
    }

    @Test
    void anHpoWhoseTrialsAllFailEndsFailureWithNoBestTrial() {
        UUID id = newExperiment(4, 2, 0);
        HpoState end = run(id, 4, 2, 0, Duration.ofMinutes(5), (params, threads, seed, cancelled) -> {
            throw new IllegalStateException("LightGBM refused the data: feature column is all null");
        }).start().join();
        assertEquals(HpoState.FAILURE, end);
        assertTrue(store.read(c -> trials.best(c, id)).isEmpty());
        for (Trial t : stored(id)) {
            assertEquals(TrialState.FAILED, t.state());
            assertEquals("LightGBM refused the data: feature column is all null", t.error());
        }
        Experiment e = store.read(c -> new ExperimentRepository().get(c, id)).orElseThrow();
        assertTrue(e.error().contains("feature column is all null"), e.error());
    }

    @Test
    void aTrialWhoseMetricIsNaNFailsAndIsNeverBest() {
        UUID id = newExperiment(6, 1, 0);
        AtomicInteger n = new AtomicInteger();
        HpoState end = run(id, 6, 1, 0, Duration.ofMinutes(5), (params, threads, seed, cancelled) ->
                outcome(n.incrementAndGet() % 2 == 0 ? Double.NaN : 100.0 + n.get())).start().join();
        assertEquals(HpoState.SUCCESS, end);
        List<Trial> all = stored(id);
        assertEquals(3, all.stream().filter(t -> t.state() == TrialState.FAILED).count());
        all.stream().filter(t -> t.state() == TrialState.FAILED).forEach(t -> assertTrue(t.error().contains("NaN"), t.error()));
        Trial best = store.read(c -> trials.best(c, id)).orElseThrow();
        assertEquals(101.0, best.objective());
    }

    @Test
    void aTimeoutEndsWithTheBestOfTheTrialsCompletedBeforeIt() {
        UUID id = newExperiment(5, 2, 0);
        AtomicInteger n = new AtomicInteger();
        Instant t0 = Instant.now();
        Duration timeout = Duration.ofMillis(1500);
        HpoState end = run(id, 5, 2, 0, timeout, (params, threads, seed, cancelled) -> {
            if (n.incrementAndGet() == 1) {
                return outcome(42.0);
            }
            while (!cancelled.getAsBoolean()) { // a long trial that checks between boosting rounds
                LockSupport.parkNanos(1_000_000);
            }
            throw new TrialCancelledException("cancelled between boosting rounds");
        }).start().join();
        Duration took = Duration.between(t0, Instant.now());
        assertEquals(HpoState.SUCCESS, end);
        assertTrue(took.minus(timeout).toMillis() < 2000, "ended " + took.minus(timeout).toMillis() + " ms after the deadline");
        Experiment e = store.read(c -> new ExperimentRepository().get(c, id)).orElseThrow();
        assertTrue(e.timedOut());
        Trial best = store.read(c -> trials.best(c, id)).orElseThrow();
        assertEquals(42.0, best.objective());
        List<Trial> all = stored(id);
        assertEquals(1, all.stream().filter(t -> t.state() == TrialState.COMPLETED).count());
        all.stream().filter(t -> t.state() == TrialState.CANCELLED).forEach(t -> assertTrue(t.error().contains("timeout"), t.error()));
        assertTrue(all.stream().noneMatch(t -> t.state() == TrialState.RUNNING || t.state() == TrialState.QUEUED));
    }

    @Test
    void aTimeoutBeforeAnyTrialCompletesIsAFailureWithoutBest() {
        UUID id = newExperiment(3, 3, 0);
        HpoState end = run(id, 3, 3, 0, Duration.ofMillis(300), (params, threads, seed, cancelled) -> {
            while (!cancelled.getAsBoolean()) {
                LockSupport.parkNanos(1_000_000);
            }
            throw new TrialCancelledException("cancelled");
        }).start().join();
        assertEquals(HpoState.FAILURE, end);
        assertNull(store.read(c -> trials.best(c, id)).orElse(null));
    }

    @Test
    void theSameSeedGivesTheSameSuggestions() {
        List<List<Map<String, Object>>> runs = new ArrayList<>();
        for (long seed : new long[] {7, 7, 8}) {
            UUID id = newExperiment(12, 1, seed);
            run(id, 12, 1, seed, Duration.ofMinutes(5), objective(HpoRunTest::lrDistance)).start().join();
            runs.add(stored(id).stream().map(Trial::parameters).toList());
        }
        assertEquals(runs.get(0), runs.get(1));
        assertNotEquals(runs.get(0), runs.get(2));
        runs.get(0).forEach(p -> assertTrue(p.get("num_boost_round") instanceof Long, "integral values are stored as integers: " + p));
    }

    @Test
    void cancelStopsRunningTrialsAndEndsCancelled() throws Exception {
        UUID id = newExperiment(5, 2, 0);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
        HpoRun r = run(id, 5, 2, 0, Duration.ofMinutes(5), (params, threads, seed, cancelled) -> {
            started.countDown();
            while (!cancelled.getAsBoolean()) {
                LockSupport.parkNanos(1_000_000);
            }
            throw new TrialCancelledException("cancelled");
        });
        var done = r.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        r.cancel();
        assertEquals(HpoState.CANCELLED, done.get(10, TimeUnit.SECONDS));
        List<Trial> all = stored(id);
        assertEquals(2, all.size());
        all.forEach(t -> assertEquals(TrialState.CANCELLED, t.state()));
        assertNotNull(all.get(0).finishedAt());
    }
}
