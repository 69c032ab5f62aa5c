package io.hypercast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash and resume with a real process: the command line runs a small real-LightGBM HPO in a child
 * JVM, the test kills it with SIGKILL at a chosen moment, then checks what the next start-up finds
 * (INTERRUPTED, interrupted trials CANCELLED, integrity ok) and that resuming finishes exactly
 * num_trials trials without touching those that had finished.
 */
class CrashResumeTest {
    static final int TRIALS = 12;
    static final int CONCURRENT = 2;
    /** Trials of ~50-200 ms each on the synthetic project. */
    static final String SPACE = """
            {"num_boost_round": {"type": "QUniform", "lower": 60, "upper": 160, "q": 20},
             "learning_rate": {"type": "LogUniform", "lower": 0.03, "upper": 0.3}}""";

    @TempDir
    static Path shared;
    private static Path template;
    private static UUID hpo;

    @TempDir
    Path dir;

    private Path db;

    private Settings settings() {
        return new Settings(dir, db, "reliability", Duration.ofMinutes(10));
    }

    /** One store with the synthetic project and a DRAFT HPO, copied for each test (a closed store is one file). */
    @BeforeAll
    static void template() {
        template = shared.resolve("template.db");
        try (Engine engine = Engine.open(new Settings(shared, template, "reliability", Duration.ofMinutes(10)), new TrialScheduler(1, 1),
                Clock.systemUTC())) {
            SyntheticProject sp = SyntheticProject.create(engine, "crash");
            hpo = engine.experiments().createHpo(sp.project.id(),
                    SpecJson.readHpo(SyntheticProject.hpoSpecJson(TRIALS, CONCURRENT, SPACE))).id();
        }
    }

    private UUID newHpo() throws Exception {
        assertFalse(Files.exists(shared.resolve("template.db-wal")), "the template store was closed cleanly");
        db = dir.resolve("crash.db");
        Files.copy(template, db);
        return hpo;
    }

    /** What a read-only look at the store shows of one run. */
    record Look(String state, Map<String, Long> trials) {
        long finished() {
            return trials.getOrDefault("COMPLETED", 0L) + trials.getOrDefault("FAILED", 0L);
        }

        long active() {
            return trials.getOrDefault("QUEUED", 0L) + trials.getOrDefault("RUNNING", 0L);
        }

        boolean runActive() {
            return state.equals("PENDING") || state.equals("LOADING_DATA") || state.equals("RUNNING");
        }
    }

    static Look look(Connection ro, UUID id) throws Exception {
        String state = StoreProbe.string(ro, "SELECT state FROM experiment WHERE id = ?", id.toString());
        Map<String, Long> byState = new HashMap<>();
        try (PreparedStatement ps = ro.prepareStatement("SELECT state, count(*) FROM trial WHERE experiment_id = ? GROUP BY state")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byState.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return new Look(state, byState);
    }

    /** What the child was doing when it was killed, and the most trials it ever had in flight. */
    record Kill(Look at, long maxActive) {
    }

    /** Polls the store (read-only) until {@code when} holds, then SIGKILLs the child. */
    private Kill killWhen(ChildCli child, UUID id, Predicate<Look> when) throws Exception {
        long maxActive = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (Connection ro = StoreProbe.readOnly(db)) {
            while (System.nanoTime() < until) {
                Look l = look(ro, id);
                maxActive = Math.max(maxActive, l.active());
                if (when.test(l)) {
                    child.kill();
                    return new Kill(l, maxActive);
                }
                if (!child.process.isAlive()) {
                    fail("the child ended (exit " + child.process.exitValue() + ") before the kill moment; store shows " + l
                            + "\n" + child.output());
                }
                LockSupport.parkNanos(2_000_000);
            }
        }
        child.kill();
        throw new AssertionError("the kill moment never came within 90 s\n" + child.output());
    }

    /** The rows of finished trials, with their folds and predictions, by trial number. */
    private Map<Integer, List<String>> finishedRows(UUID id) throws Exception {
        Map<Integer, List<String>> out = new TreeMap<>();
        try (Connection ro = StoreProbe.readOnly(db)) {
            List<Integer> numbers = new ArrayList<>();
            try (PreparedStatement ps = ro.prepareStatement(
                    "SELECT number FROM trial WHERE experiment_id = ? AND state IN ('COMPLETED', 'FAILED') ORDER BY number")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        numbers.add(rs.getInt(1));
                    }
                }
            }
            for (int n : numbers) {
                List<String> rows = new ArrayList<>();
                rows.addAll(StoreProbe.rows(ro, "SELECT * FROM trial WHERE experiment_id = ? AND number = ?", id.toString(), n));
                rows.addAll(StoreProbe.rows(ro, "SELECT * FROM trial_fold WHERE experiment_id = ? AND number = ? ORDER BY fold", id.toString(), n));
                rows.addAll(StoreProbe.rows(ro, "SELECT * FROM trial_predictions WHERE experiment_id = ? AND number = ?", id.toString(), n));
                out.put(n, rows);
            }
        }
        return out;
    }

    private Set<Integer> inFlightNumbers(UUID id) throws Exception {
        Set<Integer> out = new HashSet<>();
        try (Connection ro = StoreProbe.readOnly(db);
             PreparedStatement ps = ro.prepareStatement("SELECT number FROM trial WHERE experiment_id = ? AND state IN ('QUEUED', 'RUNNING')")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    /**
     * After a kill: the store is intact, and the next engine to open it marks the run INTERRUPTED
     * and its in-flight trials CANCELLED (interrupted), leaving the finished ones as they were.
     */
    private Map<Integer, List<String>> afterKill(UUID id, Kill kill) throws Exception {
        assertEquals("ok", StoreProbe.integrityCheck(db), "integrity_check right after the SIGKILL");
        assertTrue(kill.at().runActive(), "killed mid-run: " + kill.at());
        Map<Integer, List<String>> finished = finishedRows(id);
        Set<Integer> inFlight = inFlightNumbers(id);
        try (Engine engine = Engine.open(settings(), new TrialScheduler(1, 1), Clock.systemUTC())) {
            assertEquals(HpoState.INTERRUPTED, engine.experiments().get(id).state(), "a run whose process is gone is INTERRUPTED");
            for (Trial t : engine.experiments().trials(id)) {
                assertTrue(t.state().isTerminal(), "no trial left " + t.state() + ": " + t);
                if (inFlight.contains(t.number())) {
                    assertEquals(TrialState.CANCELLED, t.state(), "trial " + t.number() + " was running at the kill");
                    assertTrue(t.error().contains("interrupted"), t.error());
                }
            }
        }
        assertEquals(finished, finishedRows(id), "marking the run interrupted left the finished trials as they were");
        assertEquals("ok", StoreProbe.integrityCheck(db));
        return finished;
    }

    /** Exactly num_trials trials numbered 1..num_trials, all finished (none cancelled), the earlier ones unchanged. */
    private void assertFinishedRun(UUID id, Map<Integer, List<String>> finishedBefore) throws Exception {
        assertEquals("ok", StoreProbe.integrityCheck(db));
        try (Connection ro = StoreProbe.readOnly(db)) {
            assertEquals("SUCCESS", look(ro, id).state());
            List<String> states = StoreProbe.rows(ro, "SELECT number, state FROM trial WHERE experiment_id = ? ORDER BY number", id.toString());
            assertEquals(TRIALS, states.size(), "exactly num_trials trials: " + states);
            List<String> expected = IntStream.rangeClosed(1, TRIALS).mapToObj(n -> "number=" + n).toList();
            assertEquals(expected, states.stream().map(s -> s.substring(0, s.indexOf(" |"))).toList(), "numbers 1..num_trials, each once");
            for (String s : states) {
                assertTrue(s.endsWith("state=COMPLETED") || s.endsWith("state=FAILED"), "every trial finished: " + s);
            }
        }
        Map<Integer, List<String>> now = finishedRows(id);
        for (Map.Entry<Integer, List<String>> e : finishedBefore.entrySet()) {
            assertEquals(e.getValue(), now.get(e.getKey()), "trial " + e.getKey() + " finished before a kill and is unchanged");
        }
    }

    /**
     * The run is killed during loading (no trial finished yet), after the first trial, after 4
     * and after 8 of 12; each time an in-process resume finishes it with the concurrency cap held.
     */
    @ParameterizedTest(name = "killed after {0} finished trials")
    @ValueSource(ints = {0, 1, 4, 8})
    void sigkillMidRunThenResumeFinishesExactlyNumTrials(int k) throws Exception {
        UUID id = newHpo();
        ChildCli child = ChildCli.start(dir, dir.resolve("run-" + k + ".log"), "hpo", "run", id.toString(), "--wait", "--db", db.toString());
        Predicate<Look> moment = k == 0
                ? l -> l.state().equals("LOADING_DATA") || l.state().equals("RUNNING") && l.finished() == 0 // loading (~100 ms), at worst the first trial
                : l -> l.finished() >= k;
        Kill kill = killWhen(child, id, moment);
        System.out.println("CrashResumeTest: killed the child at " + kill.at());
        assertTrue(kill.maxActive() <= CONCURRENT, "the child's run kept the cap: " + kill.maxActive());
        Map<Integer, List<String>> finished = afterKill(id, kill);
        assertTrue(finished.size() >= k && finished.size() < TRIALS, "killed after " + finished.size() + " trials");

        // resume in this process, watching the cap from the run's events and from the store
        AtomicInteger peakEvents = new AtomicInteger();
        Set<Integer> running = ConcurrentHashMap.newKeySet();
        AtomicInteger peakStore = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            try (Connection ro = StoreProbe.readOnly(db)) {
                while (!done.get()) {
                    peakStore.accumulateAndGet((int) look(ro, id).active(), Math::max);
                    LockSupport.parkNanos(1_000_000);
                }
            } catch (Exception e) {
                peakStore.set(-1000);
            }
        }, "store-watcher");
        try (Engine engine = Engine.open(settings(), new TrialScheduler(CONCURRENT + 2, 2), Clock.systemUTC())) {
            watcher.start();
            HpoState end = engine.experiments().resume(id, null, p -> {
                Trial t = p.trial();
                if (t != null && t.state() == TrialState.RUNNING) {
                    running.add(t.number());
                    peakEvents.accumulateAndGet(running.size(), Math::max);
                } else if (t != null && t.state().isTerminal()) {
                    running.remove(t.number());
                }
                peakEvents.accumulateAndGet(p.running(), Math::max);
            }).await(Duration.ofSeconds(120));
            assertEquals(HpoState.SUCCESS, end);
        } finally {
            done.set(true);
            watcher.join(10_000);
        }
        assertTrue(peakEvents.get() >= 1 && peakEvents.get() <= CONCURRENT, "cap during resume (events): " + peakEvents.get());
        assertTrue(peakStore.get() >= 0 && peakStore.get() <= CONCURRENT, "cap during resume (store): " + peakStore.get());
        assertFinishedRun(id, finished);
    }

    /** Killed in the first run and again in the middle of its resume: the second resume still ends exact. */
    @Test
    void sigkillDuringAResumeIsSurvivedToo() throws Exception {
        UUID id = newHpo();
        ChildCli run = ChildCli.start(dir, dir.resolve("run.log"), "hpo", "run", id.toString(), "--wait", "--db", db.toString());
        Map<Integer, List<String>> first = afterKill(id, killWhen(run, id, l -> l.finished() >= 3));

        ChildCli resume1 = ChildCli.start(dir, dir.resolve("resume1.log"), "hpo", "resume", id.toString(), "--wait", "--db", db.toString());
        long firstCount = first.size();
        Kill k2 = killWhen(resume1, id, l -> l.state().equals("RUNNING") && l.finished() >= firstCount + 3);
        assertTrue(k2.maxActive() <= CONCURRENT, "cap during the resume: " + k2.maxActive());
        Map<Integer, List<String>> second = afterKill(id, k2);
        for (Map.Entry<Integer, List<String>> e : first.entrySet()) {
            assertEquals(e.getValue(), second.get(e.getKey()), "trial " + e.getKey() + " survived the second kill unchanged");
        }
        assertNotEquals(first.keySet(), second.keySet(), "the killed resume had finished more trials");

        ChildCli resume2 = ChildCli.start(dir, dir.resolve("resume2.log"), "hpo", "resume", id.toString(), "--wait", "--db", db.toString());
        assertEquals(0, resume2.await(120), resume2.output());
        assertFinishedRun(id, second);
    }

    /**
     * A run presumed dead while its process lives (its heartbeat looks a minute old: a laptop that
     * slept, a clock that jumped) is marked INTERRUPTED by the next start-up and resumed there. The
     * first process must then stop writing to it: the run is never run by two processes at once
     * (the cap of 2 running trials holds in the store) and no finished trial is ever rewritten.
     */
    @Test
    void aRunPresumedDeadWhileItsProcessLivesIsNeverRunByTwoProcesses() throws Exception {
        UUID id = newHpo();
        ChildCli first = ChildCli.start(dir, dir.resolve("first.log"), "hpo", "run", id.toString(), "--wait", "--db", db.toString());
        Map<String, String> firstSeen = new ConcurrentHashMap<>();
        Set<String> rewritten = ConcurrentHashMap.newKeySet();
        AtomicInteger peak = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            try (Connection ro = StoreProbe.readOnly(db)) {
                while (!done.get()) {
                    peak.accumulateAndGet((int) look(ro, id).active(), Math::max);
                    for (String row : StoreProbe.rows(ro, "SELECT number, state, parameters, rmse, objective, error, started_at, finished_at"
                            + " FROM trial WHERE experiment_id = ? AND state IN ('COMPLETED', 'FAILED')", id.toString())) {
                        String number = row.substring(0, row.indexOf(" |"));
                        String was = firstSeen.putIfAbsent(number, row);
                        if (was != null && !was.equals(row)) {
                            rewritten.add(was + "  ->  " + row);
                        }
                    }
                    LockSupport.parkNanos(2_000_000);
                }
            } catch (Exception e) {
                rewritten.add("watcher failed: " + e);
            }
        }, "store-watcher");
        watcher.start();
        try {
            try (Connection ro = StoreProbe.readOnly(db)) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (look(ro, id).finished() < 2 && System.nanoTime() < until && first.process.isAlive()) {
                    LockSupport.parkNanos(2_000_000);
                }
                assertTrue(first.process.isAlive() && look(ro, id).runActive(), "the first process is mid-run: " + look(ro, id));
            }
            // an engine whose clock is two minutes ahead sees the first process's heartbeat as stale
            Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
            try (Engine second = Engine.open(settings(), new TrialScheduler(CONCURRENT + 2, 2), ahead)) {
                assertEquals(HpoState.INTERRUPTED, second.experiments().get(id).state());
                assertEquals(HpoState.SUCCESS, second.experiments().resume(id, null, null).await(Duration.ofSeconds(120)));
            }
            first.await(60);
        } finally {
            done.set(true);
            watcher.join(10_000);
            if (first.process.isAlive()) {
                first.kill();
            }
        }
        assertTrue(rewritten.isEmpty(), "finished trials were rewritten:\n" + String.join("\n", rewritten) + "\n" + first.output());
        assertTrue(peak.get() <= CONCURRENT, "at most " + CONCURRENT + " trials ran at once, got " + peak.get() + "\n" + first.output());
        try (Connection ro = StoreProbe.readOnly(db)) {
            assertEquals("SUCCESS", look(ro, id).state(), first.output());
            List<String> states = StoreProbe.rows(ro, "SELECT number, state FROM trial WHERE experiment_id = ? ORDER BY number", id.toString());
            assertEquals(TRIALS, states.size(), states.toString());
            assertTrue(states.stream().allMatch(r -> r.endsWith("COMPLETED") || r.endsWith("FAILED")), states.toString());
        }
        assertEquals("ok", StoreProbe.integrityCheck(db));
    }

    /**
     * The program that notices a dead run need not be a new one: a window (an engine opened before
     * the run) sees it become INTERRUPTED soon after its process is killed, and resumes it.
     */
    @Test
    void anEngineAlreadyOpenNoticesARunWhoseProcessDiedAndResumesIt() throws Exception {
        UUID id = newHpo();
        try (Engine window = Engine.open(settings(), new TrialScheduler(CONCURRENT + 2, 2), Clock.systemUTC())) {
            ChildCli child = ChildCli.start(dir, dir.resolve("run.log"), "hpo", "run", id.toString(), "--wait", "--db", db.toString());
            Kill kill = killWhen(child, id, l -> l.finished() >= 2);
            assertEquals("ok", StoreProbe.integrityCheck(db));
            Map<Integer, List<String>> finished = finishedRows(id);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (window.experiments().get(id).state() != HpoState.INTERRUPTED && System.nanoTime() < until) {
                LockSupport.parkNanos(20_000_000);
            }
            assertEquals(HpoState.INTERRUPTED, window.experiments().get(id).state(), "the open engine noticed within 30 s; killed at " + kill.at());
            assertEquals(HpoState.SUCCESS, window.experiments().resume(id, null, null).await(Duration.ofSeconds(120)));
            assertFinishedRun(id, finished);
        }
    }

    /** Resuming right after the kill, before anything noticed it, works too: resume looks at the owner first. */
    @Test
    void resumingARunWhoseProcessJustDiedWorksAtOnce() throws Exception {
        UUID id = newHpo();
        try (Engine window = Engine.open(settings(), new TrialScheduler(CONCURRENT + 2, 2), Clock.systemUTC())) {
            ChildCli child = ChildCli.start(dir, dir.resolve("run.log"), "hpo", "run", id.toString(), "--wait", "--db", db.toString());
            killWhen(child, id, l -> l.finished() >= 2);
            Map<Integer, List<String>> finished = finishedRows(id);
            assertEquals(HpoState.SUCCESS, window.experiments().resume(id, null, null).await(Duration.ofSeconds(120)));
            assertFinishedRun(id, finished);
        }
    }
}
