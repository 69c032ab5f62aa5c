package io.hypercast.engine.bench;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.hpo.HpoRun;
import io.hypercast.engine.hpo.Samplers;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.store.ExperimentRepository;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.Hyperopt;
import io.hypercast.model.Node;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run coordinator's own cost per trial: an HPO of the demo's space whose trials cost nothing
 * (the evaluator returns a finished outcome at once), so that the wall time per trial is what the
 * engine adds around a trial: the TPE suggestion, the store writes (running; finished with folds and
 * predictions, in one transaction with the next trial's queued row) and the hand-offs between threads.
 */
final class EmptyTrials {
    private EmptyTrials() {
    }

    /** Milliseconds of wall time per trial over {@code trials} empty trials, one at a time. */
    static double millisPerTrial(Engine engine, Demo.Created demo, TrialOutcome outcome, int trials) {
        HpoSpec shipped = Demo.spec();
        Hyperopt h = (Hyperopt) shipped.searchAlgorithm();
        Hyperopt algo = new Hyperopt(trials, 1, h.nStartupJobs(), h.metric(), h.seed());
        HpoSpec spec = new HpoSpec(shipped.backtest().withTitle("bench empty trials"), shipped.searchSpace(), algo);
        Experiment e = engine.experiments().createHpo(demo.project().id(), spec);
        Node model = demo.model();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-timer");
            t.setDaemon(true);
            return t;
        });
        try {
            UUID id = e.id();
            Instant deadline = Clock.systemUTC().instant().plus(Duration.ofHours(1));
            engine.store().write(c -> { // as Experiments does when it starts a run: this process owns it
                new ExperimentRepository().start(c, id, Clock.systemUTC().instant(), deadline, ProcessHandle.current().pid(), "localhost");
                return null;
            });
            HpoRun run = new HpoRun(new HpoRun.Setup(id, engine.store(), engine.scheduler(), timer, Samplers.create(spec.searchSpace(), algo),
                    ModelKinds.get(model.type()), Nots.parameters(model), new LinkedHashSet<>(spec.searchSpace().parameters().keySet()),
                    (params, threads, seed, cancelled) -> outcome, algo.metric(), trials, 1, algo.seed(),
                    deadline, Clock.systemUTC(), null, List.of()));
            long t0 = System.nanoTime();
            HpoState state = run.start().get(10, TimeUnit.MINUTES);
            double ms = (System.nanoTime() - t0) / 1e6 / trials;
            if (state != HpoState.SUCCESS) {
                throw new IllegalStateException("the empty-trial run ended " + state);
            }
            return ms;
        } catch (Exception ex) {
            throw new IllegalStateException("empty-trial run: " + ex.getMessage(), ex);
        } finally {
            timer.shutdownNow();
        }
    }
}
