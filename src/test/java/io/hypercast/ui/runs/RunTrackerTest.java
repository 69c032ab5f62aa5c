package io.hypercast.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hypercast.engine.Engine;
import io.hypercast.engine.hpo.RunListener;
import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import io.hypercast.ui.TestEngines;
import io.hypercast.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coalescing of run events: the latest per run and per trial wins, applied once per drain. */
class RunTrackerTest {
    @TempDir
    Path dir;

    private static Trial trial(int n, TrialState s) {
        return new Trial(null, n, s, Map.of("x", 1L), null, null, null, null, null, 0);
    }

    @Test
    void burstsOfEventsReachTheWindowAsTheirLatestStateOncePerDrain() {
        try (Engine engine = TestEngines.open(dir)) {
            RunTracker tracker = new RunTracker(engine, TaskExecutor.sameThread());
            UUID id = UUID.randomUUID();
            List<RunProgress> seen = new ArrayList<>();
            List<RunProgress> ended = new ArrayList<>();
            tracker.onProgress(seen::add);
            tracker.onRunEnd(ended::add);
            RunListener l = tracker.listenerFor(id);
            for (int i = 1; i <= 100; i++) {
                l.onProgress(new RunProgress(id, HpoState.RUNNING, i - 1, 0, 1, 100, null, trial(i, TrialState.RUNNING)));
                l.onProgress(new RunProgress(id, HpoState.RUNNING, i, 0, 0, 100, 1.0 / i, trial(i, TrialState.COMPLETED)));
            }
            tracker.drain();
            assertEquals(1, seen.size(), "200 events, one update");
            assertEquals(100, seen.get(0).completed());
            LiveRun run = tracker.live(id);
            assertEquals(100, run.trials().size());
            assertEquals(TrialState.COMPLETED, run.trials().get(57).state(), "the latest state of each trial wins");
            tracker.drain();
            assertEquals(1, seen.size(), "nothing new, nothing applied");
            l.onProgress(new RunProgress(id, HpoState.SUCCESS, 100, 0, 0, 100, 0.01, null));
            l.onProgress(new RunProgress(id, HpoState.SUCCESS, 100, 0, 0, 100, 0.01, null));
            tracker.drain();
            tracker.drain();
            assertEquals(1, ended.size(), "a run's end is told once");
        }
    }
}
