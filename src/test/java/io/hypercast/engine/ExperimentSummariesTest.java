package io.hypercast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.engine.store.TrialRepository;
import io.hypercast.model.Experiment;
import io.hypercast.model.Trial;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments.summaries: the cheap per-experiment progress the window's tables show. */
class ExperimentSummariesTest {
    @TempDir
    Path dir;

    @Test
    void summariesCountTrialsAndCarryTheBestTrialsMetricsWhileSkippingDraftsAndDeleted() {
        Settings s = new Settings(dir, dir.resolve("h.db"), "alice", Duration.ofMinutes(10));
        try (Engine engine = Engine.open(s, new TrialScheduler(2, 2), Clock.systemUTC())) {
            SyntheticProject sp = SyntheticProject.create(engine, "synthetic");
            Experiment ran = engine.experiments().createHpo(sp.project.id(),
                    SpecJson.readHpo(SyntheticProject.hpoSpecJson(3, 2, SyntheticProject.SMALL_SPACE)));
            Experiment draft = engine.experiments().createHpo(sp.project.id(),
                    SpecJson.readHpo(SyntheticProject.hpoSpecJson(3, 2, SyntheticProject.SMALL_SPACE)));
            engine.experiments().run(ran.id(), null, null).await();

            Map<UUID, TrialRepository.Summary> sums = engine.experiments().summaries(sp.project.id());
            assertFalse(sums.containsKey(draft.id()), "a draft has no trials, so no summary");
            TrialRepository.Summary sum = sums.get(ran.id());
            assertNotNull(sum);
            assertEquals(3, sum.completed());
            assertEquals(0, sum.failed());
            assertEquals(0, sum.running());
            Trial best = engine.experiments().best(ran.id()).orElseThrow();
            assertEquals(best.objective(), sum.bestObjective());
            assertEquals(best.metrics().rmse(), sum.bestMetrics().rmse());
            assertEquals(best.metrics().mae(), sum.bestMetrics().mae());

            engine.experiments().delete(ran.id());
            assertTrue(engine.experiments().summaries(sp.project.id()).isEmpty(), "deleted experiments are left out");
        }
    }
}
