package io.hypercast.ui;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.store.ExperimentRepository;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoState;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Engines on a temporary store for the window's tests, and a way to fake runs of other processes. */
public final class TestEngines {
    private TestEngines() {
    }

    public static Engine open(Path dir) {
        return open(dir, 2);
    }

    public static Engine open(Path dir, int workers) {
        Settings s = new Settings(dir, dir.resolve("ui.db"), "tester", Duration.ofMinutes(10));
        return Engine.open(s, new TrialScheduler(workers, Math.min(2, workers)), Clock.systemUTC());
    }

    /** Puts n HPOs of the project in RUNNING state, as if other processes ran them (they count against the guardrails). */
    public static void fakeActiveRuns(Engine engine, UUID projectId, int n) {
        for (int i = 0; i < n; i++) {
            Experiment x = engine.experiments().createHpo(projectId,
                    SpecJson.readHpo(SyntheticProject.hpoSpecJson(1, 1, SyntheticProject.SMALL_SPACE)));
            engine.store().write(c -> {
                new ExperimentRepository().start(c, x.id(), engine.clock().instant(), engine.clock().instant().plusSeconds(600),
                        ProcessHandle.current().pid(), "here");
                new ExperimentRepository().setState(c, x.id(), HpoState.RUNNING);
                return null;
            });
        }
    }
}
