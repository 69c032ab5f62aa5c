package io.hypercast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped when its program closes is INTERRUPTED, and resuming it keeps what finished. */
class ResumeTest {
    @TempDir
    Path dir;

    @Test
    void closingMidRunLeavesItInterruptedAndResumeFinishesExactlyNumTrials() throws Exception {
        Settings s = new Settings(dir, dir.resolve("r.db"), "carol", Duration.ofMinutes(10));
        java.util.UUID id;
        List<Trial> finishedBefore;
        try (Engine engine = Engine.open(s, new TrialScheduler(1, 1), Clock.systemUTC())) {
            SyntheticProject sp = SyntheticProject.create(engine, "resume");
            Experiment e = engine.experiments().createHpo(sp.project.id(),
                    SpecJson.readHpo(SyntheticProject.hpoSpecJson(8, 1, SyntheticProject.SMALL_SPACE)));
            id = e.id();
            CountDownLatch two = new CountDownLatch(2);
            engine.experiments().run(id, null, p -> {
                if (p.trial() != null && p.trial().state() == TrialState.COMPLETED) {
                    two.countDown();
                }
            });
            assertTrue(two.await(60, TimeUnit.SECONDS));
        } // closing the engine interrupts the run
        try (Engine engine = Engine.open(s, new TrialScheduler(2, 2), Clock.systemUTC())) {
            Experiment e = engine.experiments().get(id);
            assertEquals(HpoState.INTERRUPTED, e.state());
            finishedBefore = engine.experiments().trials(id).stream().filter(t -> t.state() == TrialState.COMPLETED).toList();
            assertTrue(finishedBefore.size() >= 2);
            assertTrue(engine.experiments().trials(id).stream().allMatch(t -> t.state().isTerminal()), "no trial left RUNNING");

            assertEquals(HpoState.SUCCESS, engine.experiments().resume(id, null, null).await());
            List<Trial> all = engine.experiments().trials(id);
            assertEquals(8, all.size(), "exactly num_trials trials");
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), all.stream().map(Trial::number).collect(Collectors.toList()));
            assertTrue(all.stream().allMatch(t -> t.state() == TrialState.COMPLETED));
            for (Trial before : finishedBefore) {
                Trial after = all.get(before.number() - 1);
                assertEquals(before.parameters(), after.parameters(), "finished trials are kept, not re-run");
                assertEquals(before.metrics(), after.metrics());
                assertEquals(before.finishedAt(), after.finishedAt());
            }
        }
    }
}
