package io.hypercast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.engine.HpoResult;
import io.hypercast.engine.Settings;
import io.hypercast.engine.hpo.Sampler;
import io.hypercast.engine.hpo.Samplers;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's deadline with real LightGBM trials: trials of a million boosting rounds are stopped
 * between rounds within 2 s of the deadline, CANCELLED (timeout), never completed; the best comes
 * only from the short trials that completed before it.
 */
class TimeoutTest {
    /** Half the suggestions take ~50 ms, the other half would take minutes. */
    static final String SPACE = """
            {"num_boost_round": {"type": "Choice", "choices": [30, 1000000]},
             "learning_rate": {"type": "LogUniform", "lower": 0.001, "upper": 0.01}}""";

    @TempDir
    Path dir;
    private Engine engine;
    private SyntheticProject sp;

    @BeforeEach
    void open() {
        engine = Engine.open(new Settings(dir, dir.resolve("timeout.db"), "reliability", Duration.ofMinutes(10)), new TrialScheduler(2, 2),
                Clock.systemUTC());
        sp = SyntheticProject.create(engine, "timeout");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Instant deadlineOf(Experiment e) throws Exception {
        try (Connection ro = StoreProbe.readOnly(dir.resolve("timeout.db"))) {
            return Instant.ofEpochMilli(StoreProbe.count(ro, "SELECT deadline_at FROM experiment WHERE id = ?", e.id().toString()));
        }
    }

    /** The first seed whose first two suggestions (random, before TPE starts) are short trials; suggestions depend only on the seed. */
    static long seedWithShortFirstTrials() {
        for (long seed = 0; seed < 200; seed++) {
            HpoSpec spec = SpecJson.readHpo(SyntheticProject.hpoSpecJson(40, 2, SPACE).replace("\"seed\": 1", "\"seed\": " + seed));
            Sampler s = Samplers.create(spec.searchSpace(), spec.searchAlgorithm());
            Map<String, Object> first = s.suggest(1, List.of(), List.of());
            Map<String, Object> second = s.suggest(2, List.of(), List.of(first));
            if (first.get("num_boost_round").equals(30L) && second.get("num_boost_round").equals(30L)) {
                return seed;
            }
        }
        throw new AssertionError("no seed below 200 starts with two short trials");
    }

    @Test
    void theDeadlineHoldsWithin2sAndTheBestIsOfTrialsCompletedBeforeIt() throws Exception {
        long seed = seedWithShortFirstTrials();
        Experiment e = engine.experiments().createHpo(sp.project.id(),
                SpecJson.readHpo(SyntheticProject.hpoSpecJson(40, 2, SPACE).replace("\"seed\": 1", "\"seed\": " + seed)));
        Duration timeout = Duration.ofMillis(2500);
        long t0 = System.nanoTime();
        HpoState end = engine.experiments().run(e.id(), timeout, null).await(Duration.ofSeconds(60));
        long took = (System.nanoTime() - t0) / 1_000_000;

        Experiment after = engine.experiments().get(e.id());
        Instant deadline = deadlineOf(e);
        assertTrue(took - timeout.toMillis() < 2000, "the run ended " + (took - timeout.toMillis()) + " ms after its timeout");
        assertNotNull(after.finishedAt());
        long overshoot = after.finishedAt().toEpochMilli() - deadline.toEpochMilli();
        System.out.println("TimeoutTest: the run ended " + overshoot + " ms after its deadline (" + took + " ms for a " + timeout.toMillis() + " ms timeout)");
        assertTrue(overshoot < 2000, "finished_at is " + overshoot + " ms after deadline_at");
        assertTrue(after.timedOut(), "timed_out is set");

        List<Trial> trials = engine.experiments().trials(e.id());
        List<Trial> completed = trials.stream().filter(t -> t.state() == TrialState.COMPLETED).toList();
        List<Trial> cancelled = trials.stream().filter(t -> t.state() == TrialState.CANCELLED).toList();
        assertTrue(!completed.isEmpty(), "seed " + seed + " suggests short trials first, so some complete: " + trials);
        assertTrue(!cancelled.isEmpty(), "the million-round trials were cut: " + trials);
        assertEquals(HpoState.SUCCESS, end, "a timed-out run with a completed trial ends SUCCESS");
        assertTrue(trials.stream().allMatch(t -> t.state().isTerminal()), "nothing left running: " + trials);
        for (Trial t : completed) {
            assertEquals(30L, t.parameters().get("num_boost_round"), "only short trials can complete: " + t);
            assertTrue(!t.finishedAt().isAfter(deadline), "trial " + t.number() + " completed after the deadline");
        }
        for (Trial t : cancelled) {
            assertTrue(t.error().contains("timeout"), t.error());
            assertNull(t.metrics(), "a cancelled trial has no metrics");
            assertNull(t.objective());
            assertNotNull(t.finishedAt());
            assertTrue(t.finishedAt().toEpochMilli() - deadline.toEpochMilli() < 2000,
                    "trial " + t.number() + " stopped " + (t.finishedAt().toEpochMilli() - deadline.toEpochMilli()) + " ms after the deadline");
        }
        assertTrue(trials.size() < 40, "no trial started after the deadline");
        HpoResult r = engine.experiments().result(e.id());
        Trial best = completed.stream().min(Comparator.comparingDouble(Trial::objective).thenComparingInt(Trial::number)).orElseThrow();
        assertEquals(best.number(), r.bestTrial().number(), "the best is the best of the completed trials");
        assertEquals(best.objective(), r.bestTrial().objective());
    }

    /** Every suggestion is a million rounds: the run times out with nothing completed, FAILURE, no best, no exception. */
    @Test
    void aTimeoutBeforeAnyTrialCompletesIsAFailureWithoutABest() throws Exception {
        Experiment e = engine.experiments().createHpo(sp.project.id(), SpecJson.readHpo(SyntheticProject.hpoSpecJson(4, 2,
                "{\"num_boost_round\": {\"type\": \"Constant\", \"value\": 1000000}, "
                        + "\"learning_rate\": {\"type\": \"LogUniform\", \"lower\": 0.001, \"upper\": 0.01}}")));
        HpoState end = engine.experiments().run(e.id(), Duration.ofMillis(1500), null).await(Duration.ofSeconds(60));
        assertEquals(HpoState.FAILURE, end);
        Experiment after = engine.experiments().get(e.id());
        assertTrue(after.timedOut());
        assertTrue(after.error().contains("timed out"), after.error());
        assertTrue(after.finishedAt().toEpochMilli() - deadlineOf(e).toEpochMilli() < 2000);
        assertNull(engine.experiments().result(e.id()).bestTrial());
        assertTrue(engine.experiments().trials(e.id()).stream().allMatch(t -> t.state() == TrialState.CANCELLED));
    }
}
