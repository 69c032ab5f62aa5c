package io.hypercast.ui.runs;

import io.hypercast.engine.Engine;
import io.hypercast.engine.RunHandle;
import io.hypercast.engine.hpo.RunListener;
import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.model.HpoState;
import io.hypercast.model.Trial;
import io.hypercast.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Starts runs in this process and carries their progress to the window without flooding it.
 *
 * <p>Threading: the engine calls the listeners from its trial workers and run coordinators; they
 * only put the event in a map (the latest event per run and per trial wins) and return. {@link
 * #drain()}, called on the FX thread a few times a second by a timer, moves what arrived into the
 * {@link LiveRun}s the views observe. So 5 running trials and 150 in a table cost the FX thread a
 * handful of small updates per drain, however fast the events come.
 */
public final class RunTracker {
    private final Engine engine;
    private final TaskExecutor tasks;
    private final Map<UUID, RunProgress> arrivedProgress = new ConcurrentHashMap<>();
    private final Map<UUID, Map<Integer, Trial>> arrivedTrials = new ConcurrentHashMap<>();
    private final Map<UUID, String> arrivedNotices = new ConcurrentHashMap<>();
    private final Map<UUID, RunHandle> handles = new ConcurrentHashMap<>();
    // FX thread only
    private final Map<UUID, LiveRun> live = new HashMap<>();
    private final List<Consumer<RunProgress>> progressListeners = new ArrayList<>();
    private final List<Consumer<RunProgress>> endListeners = new ArrayList<>();

    public RunTracker(Engine engine, TaskExecutor tasks) {
        this.engine = engine;
        this.tasks = tasks;
    }

    /** The listener to hand the engine for a run: cheap, thread-safe, never blocks. */
    public RunListener listenerFor(UUID experimentId) {
        Map<Integer, Trial> trials = arrivedTrials.computeIfAbsent(experimentId, k -> new ConcurrentHashMap<>());
        return new RunListener() {
            @Override
            public void onProgress(RunProgress p) {
                if (p.trial() != null) {
                    trials.put(p.trial().number(), p.trial());
                }
                arrivedProgress.put(experimentId, p);
            }

            @Override
            public void onNotice(UUID id, String message) {
                arrivedNotices.put(experimentId, message);
            }
        };
    }

    /**
     * Starts a draft's run (on a background thread: the engine checks the guardrails and writes the
     * job). {@code onStarted} or {@code onRefused} (a LimitExceededException, an invalid state) is
     * then called on the FX thread.
     */
    public void start(UUID experimentId, Runnable onStarted, Consumer<? super Throwable> onRefused) {
        tasks.submit(() -> {
            RunHandle h = engine.experiments().run(experimentId, null, listenerFor(experimentId));
            handles.put(experimentId, h);
            return h;
        }, h -> {
            live(experimentId);
            onStarted.run();
        }, onRefused);
    }

    /** Asks the run to stop (a run of this process at once, another process's through the store). */
    public void cancel(UUID experimentId, Runnable onDone, Consumer<? super Throwable> onError) {
        tasks.submit(() -> engine.experiments().cancel(experimentId), onDone, onError);
    }

    /** The handle of a run started by this tracker (to wait for it in tests and benchmarks). Thread-safe. */
    public java.util.Optional<RunHandle> handle(UUID experimentId) {
        return java.util.Optional.ofNullable(handles.get(experimentId));
    }

    /** The live view of a run (created empty for a run not started here). FX thread. */
    public LiveRun live(UUID experimentId) {
        return live.computeIfAbsent(experimentId, LiveRun::new);
    }

    /** Whether the window has live events for this run. FX thread. */
    public boolean isTracked(UUID experimentId) {
        LiveRun r = live.get(experimentId);
        return r != null && r.progress() != null;
    }

    /** Called on the FX thread with each run's latest progress, once per drain. */
    public void onProgress(Consumer<RunProgress> l) {
        progressListeners.add(l);
    }

    /** Called on the FX thread once when a run ends (SUCCESS, FAILURE, CANCELLED, INTERRUPTED). */
    public void onRunEnd(Consumer<RunProgress> l) {
        endListeners.add(l);
    }

    /** Applies what arrived since the last call. FX thread (or a test's thread). */
    public void drain() {
        for (Map.Entry<UUID, Map<Integer, Trial>> e : arrivedTrials.entrySet()) {
            Map<Integer, Trial> m = e.getValue();
            if (m.isEmpty()) {
                continue;
            }
            LiveRun run = live(e.getKey());
            for (Integer n : new ArrayList<>(m.keySet())) {
                Trial t = m.remove(n);
                if (t != null) {
                    run.putTrial(t);
                }
            }
        }
        for (UUID id : new ArrayList<>(arrivedNotices.keySet())) {
            String n = arrivedNotices.remove(id);
            if (n != null) {
                live(id).setNotice(n);
            }
        }
        for (UUID id : new ArrayList<>(arrivedProgress.keySet())) {
            RunProgress p = arrivedProgress.remove(id);
            if (p == null) {
                continue;
            }
            LiveRun run = live(id);
            RunProgress before = run.progress();
            run.setProgress(p);
            progressListeners.forEach(l -> l.accept(p));
            boolean ended = p.state().isFinished() || p.state() == HpoState.INTERRUPTED;
            boolean endedBefore = before != null && (before.state().isFinished() || before.state() == HpoState.INTERRUPTED);
            if (ended && !endedBefore) {
                endListeners.forEach(l -> l.accept(p));
            }
        }
    }
}
