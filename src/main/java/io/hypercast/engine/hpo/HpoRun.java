package io.hypercast.engine.hpo;

import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.models.ModelKind;
import io.hypercast.engine.models.TrialCancelledException;
import io.hypercast.engine.store.ExperimentRepository;
import io.hypercast.engine.store.SqlWork;
import io.hypercast.engine.store.Store;
import io.hypercast.engine.store.TrialRepository;
import io.hypercast.model.HpoState;
import io.hypercast.model.Metric;
import io.hypercast.model.Metrics;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The coordinator of one run: asks the sampler for a suggestion whenever the run has a free slot,
 * hands trials to the shared scheduler, writes each finished trial at once, and ends the run at the
 * last trial, a cancel or the deadline.
 *
 * <p>Threading: every state change happens under this object's lock, called from trial workers,
 * the deadline timer or a caller of {@link #cancel()}. Nothing here blocks the pool for long: the
 * lock is held for a suggestion (well under a millisecond) and a store write.
 */
public final class HpoRun {
    /** How often a run proves it is alive and looks for a cancel asked by another process. */
    public static final long HEARTBEAT_SECONDS = 2;
    /** The {@code worker} of a trial run by this process's own pool. */
    public static final String LOCAL = "local";

    private final UUID experimentId;
    private final Store store;
    private final TrialScheduler scheduler;
    private final ScheduledExecutorService timer;
    private final Sampler sampler;
    private final ModelKind kind;
    private final Map<String, Object> baseParameters;
    private final Set<String> optimized;
    private final TrialEvaluator evaluator;
    private final Metric metric;
    private final int planned;
    private final int maxConcurrent;
    private final long seed;
    private final Instant deadline;
    private final Clock clock;
    private final RunListener listener;
    private final ExperimentRepository experiments = new ExperimentRepository();
    private final TrialRepository trials = new TrialRepository();
    private final CompletableFuture<HpoState> done = new CompletableFuture<>();
    private final long pid = ProcessHandle.current().pid();

    private final Deque<Integer> todo = new ArrayDeque<>();
    private final Map<Integer, InFlight> inFlight = new LinkedHashMap<>();
    private final List<Observation> observations = new ArrayList<>();
    private int completed;
    private int failed;
    private Double best;
    private boolean stopping;
    private boolean timedOut;
    private boolean cancelledByUser;
    private boolean interrupted;
    private boolean lost; // another process took the run over: nothing more is written from here
    private boolean finished;
    private int helpers; // workers helping the running trials with their folds
    private String firstError;
    private ScheduledFuture<?> deadlineTask;
    private ScheduledFuture<?> heartbeatTask;

    private record InFlight(Map<String, Object> parameters, AtomicBoolean cancel, AtomicReference<TrialEvaluator.Work> work) {
    }

    /** Everything a run needs; {@code existing} are trials kept from an interrupted run (resume). */
    public record Setup(UUID experimentId, Store store, TrialScheduler scheduler, ScheduledExecutorService timer, Sampler sampler,
                        ModelKind kind, Map<String, Object> baseParameters, Set<String> optimized, TrialEvaluator evaluator,
                        Metric metric, int planned, int maxConcurrent, long seed, Instant deadline, Clock clock,
                        RunListener listener, List<Trial> existing) {
    }

    public HpoRun(Setup s) {
        this.experimentId = s.experimentId();
        this.store = s.store();
        this.scheduler = s.scheduler();
        this.timer = s.timer();
        this.sampler = s.sampler();
        this.kind = s.kind();
        this.baseParameters = s.baseParameters();
        this.optimized = s.optimized();
        this.evaluator = s.evaluator();
        this.metric = s.metric();
        this.planned = s.planned();
        this.maxConcurrent = s.maxConcurrent();
        this.seed = s.seed();
        this.deadline = s.deadline();
        this.clock = s.clock();
        this.listener = s.listener() == null ? RunListener.NONE : s.listener();
        Map<Integer, Trial> kept = new LinkedHashMap<>();
        for (Trial t : s.existing()) {
            if (t.state() == TrialState.COMPLETED || t.state() == TrialState.FAILED) {
                kept.put(t.number(), t);
                if (t.state() == TrialState.COMPLETED) {
                    completed++;
                    if (t.objective() != null) {
                        observations.add(new Observation(t.parameters(), t.objective()));
                        best = best == null ? t.objective() : Math.min(best, t.objective());
                    }
                } else {
                    failed++;
                }
            }
        }
        // trial numbers 1..planned: the ones without a finished trial are still to run (on resume,
        // an interrupted trial's number is run again, so numbers stay unique and the count exact)
        for (int n = 1; n <= planned; n++) {
            if (!kept.containsKey(n)) {
                todo.add(n);
            }
        }
    }

    /** Starts the run; returns at once. The future completes with the final state. */
    public CompletableFuture<HpoState> start() {
        long delay = Math.max(0, deadline.toEpochMilli() - clock.millis());
        deadlineTask = timer.schedule(this::onDeadline, delay, TimeUnit.MILLISECONDS);
        heartbeatTask = timer.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        try {
            ownedWrite(true, c -> {
                experiments.setState(c, experimentId, HpoState.RUNNING);
                return null;
            });
        } catch (RunLostException e) {
            synchronized (this) {
                onLost();
            }
            return done;
        }
        synchronized (this) {
            emit(HpoState.RUNNING, null);
            fill();
        }
        return done;
    }

    /**
     * A write of this run, in one transaction with the check that this process still owns it: a run
     * that another start-up marked INTERRUPTED (its heartbeat looked stale) and maybe resumed is
     * never written by two processes.
     */
    private <T> T ownedWrite(boolean starting, SqlWork<T> work) {
        return store.write(c -> {
            if (!experiments.ownedBy(c, experimentId, pid, starting)) {
                throw new RunLostException(experimentId);
            }
            return work.run(c);
        });
    }

    /** The run was taken over: stop its trials and end it here without writing anything more. Caller holds the lock. */
    private void onLost() {
        lost = true;
        stopAll();
    }

    public CompletableFuture<HpoState> completion() {
        return done;
    }

    /** Stops starting trials and stops the running ones between boosting rounds; the run ends CANCELLED. */
    public synchronized void cancel() {
        if (finished) {
            return;
        }
        cancelledByUser = true;
        stopAll();
    }

    /**
     * Stops the run because this program is closing: running trials are stopped and the run is left
     * INTERRUPTED, to be resumed later with its finished trials kept.
     */
    public synchronized void interrupt() {
        if (finished) {
            return;
        }
        interrupted = true;
        stopAll();
    }

    private synchronized void onDeadline() {
        if (finished) {
            return;
        }
        timedOut = true;
        stopAll();
    }

    private void stopAll() {
        stopping = true;
        for (InFlight f : inFlight.values()) {
            f.cancel().set(true);
        }
        if (inFlight.isEmpty()) {
            finishRun();
        }
    }

    private boolean pastDeadline() {
        return clock.millis() >= deadline.toEpochMilli();
    }

    /** Starts trials while a slot is free. Caller holds the lock. */
    private void fill() {
        while (!stopping && !todo.isEmpty() && inFlight.size() < maxConcurrent) {
            if (pastDeadline()) {
                timedOut = true;
                stopAll();
                return;
            }
            Start next = plan(todo.poll(), List.of());
            try {
                ownedWrite(false, c -> {
                    trials.upsertStarted(c, experimentId, next.queued(), Provenance.describe());
                    return null;
                });
            } catch (RunLostException e) {
                onLost();
                return;
            }
            launch(next);
        }
        if (inFlight.isEmpty() && (stopping || todo.isEmpty())) {
            finishRun();
        }
    }

    /** A trial about to start: its suggestion, resolved parameters (null if invalid) and QUEUED row. */
    private record Start(int number, Map<String, Object> shown, Map<String, Object> params, String invalid, long seed,
                         Instant queuedAt, Trial queued) {
    }

    /**
     * The next trials to start in the slots that are free once the trial that just ended is gone, with
     * their suggestions (each sees the ones before as pending). Nothing is written or started yet.
     * Caller holds the lock.
     */
    private List<Start> planFill() {
        List<Start> starts = new ArrayList<>();
        List<Map<String, Object>> planned = new ArrayList<>();
        while (!stopping && !todo.isEmpty() && inFlight.size() + starts.size() < maxConcurrent) {
            if (pastDeadline()) {
                break; // fill() after the write ends the run
            }
            Start next = plan(todo.poll(), planned);
            starts.add(next);
            planned.add(next.shown());
        }
        return starts;
    }

    private Start plan(int number, List<Map<String, Object>> alsoPending) {
        List<Map<String, Object>> pending = new ArrayList<>();
        for (InFlight f : inFlight.values()) {
            pending.add(f.parameters());
        }
        pending.addAll(alsoPending);
        Map<String, Object> suggested = sampler.suggest(number, List.copyOf(observations), pending);
        long trialSeed = TrialSeeds.of(seed, number);
        Map<String, Object> merged = new LinkedHashMap<>(baseParameters);
        merged.putAll(suggested);
        Map<String, Object> resolved;
        Map<String, Object> shown = new LinkedHashMap<>();
        String invalid = null;
        try {
            resolved = kind.resolve(merged, "trial " + number);
            for (String name : suggested.keySet()) {
                shown.put(name, resolved.get(name)); // the integer actually used is what is stored and shown
            }
        } catch (RuntimeException e) {
            resolved = null;
            shown.putAll(suggested);
            invalid = e.getMessage();
        }
        Instant now = clock.instant();
        Trial queued = new Trial(null, number, TrialState.QUEUED, shown, null, null, null, null, null, trialSeed);
        return new Start(number, shown, resolved, invalid, trialSeed, now, queued);
    }

    /** Hands a trial whose QUEUED row is written to the pool. Caller holds the lock. */
    private void launch(Start s) {
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicReference<TrialEvaluator.Work> work = new AtomicReference<>();
        inFlight.put(s.number(), new InFlight(s.shown(), cancel, work));
        emit(HpoState.RUNNING, s.queued());
        scheduler.submit(threads -> execute(s.number(), s.shown(), s.params(), s.invalid(), s.seed(), threads, cancel, work, s.queuedAt()));
    }

    private void execute(int number, Map<String, Object> shown, Map<String, Object> params, String invalid, long trialSeed,
                         int threads, AtomicBoolean cancel, AtomicReference<TrialEvaluator.Work> work, Instant queuedAt) {
        Instant started = clock.instant();
        if (cancel.get() || pastDeadline()) {
            onTrialEnd(number, shown, trialSeed, started, null, TrialState.CANCELLED, cancelReason(), null, null);
            return;
        }
        try {
            ownedWrite(false, c -> {
                trials.markRunning(c, experimentId, number, started);
                return null;
            });
            emitRunning(number, shown, trialSeed, started);
            if (invalid != null) {
                onTrialEnd(number, shown, trialSeed, started, null, TrialState.FAILED, invalid, null, null);
                return;
            }
            TrialEvaluator.Work w = evaluator.start(params, threads, trialSeed, () -> cancel.get() || pastDeadline());
            work.set(w);
            TrialOutcome out = w.run();
            onTrialEnd(number, shown, trialSeed, started, out, TrialState.COMPLETED, null, out, out.worker() == null ? LOCAL : out.worker());
        } catch (TrialCancelledException e) {
            onTrialEnd(number, shown, trialSeed, started, null, TrialState.CANCELLED, cancelReason(), null, null);
        } catch (RunLostException e) {
            synchronized (this) {
                lost = true;
            }
            onTrialEnd(number, shown, trialSeed, started, null, TrialState.CANCELLED, cancelReason(), null, null);
        } catch (RuntimeException | OutOfMemoryError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String worker = e instanceof TrialFailedException f ? f.worker() : LOCAL;
            onTrialEnd(number, shown, trialSeed, started, null, TrialState.FAILED, msg, null, worker);
        }
    }

    private synchronized String cancelReason() {
        if (lost) {
            return "cancelled: another process took the run over";
        }
        if (interrupted) {
            return "cancelled: interrupted (the program running it closed); resume the HPO to run it again";
        }
        return timedOut || pastDeadline() ? "cancelled: timeout (the run's deadline passed)" : "cancelled by the user";
    }

    private synchronized void emitRunning(int number, Map<String, Object> shown, long trialSeed, Instant started) {
        emit(HpoState.RUNNING, new Trial(null, number, TrialState.RUNNING, shown, null, null, null, started, null, trialSeed));
    }

    private synchronized void onTrialEnd(int number, Map<String, Object> shown, long trialSeed, Instant started, TrialOutcome outcome,
                                         TrialState state, String error, TrialOutcome forStore, String worker) {
        Instant end = clock.instant();
        Metrics metrics = outcome == null ? null : outcome.metrics();
        Double objective = null;
        if (state == TrialState.COMPLETED) {
            if (end.isAfter(deadline)) {
                // finished after the deadline: never counted as completed (SPEC: best only from trials done in time)
                state = TrialState.CANCELLED;
                error = "cancelled: timeout (finished after the run's deadline)";
                metrics = null;
                forStore = null;
            } else if (metrics == null) {
                state = TrialState.FAILED;
                error = "no prediction had a known target, so no metric could be computed";
            } else {
                objective = metrics.get(metric);
                if (objective == null || !Double.isFinite(objective)) {
                    state = TrialState.FAILED;
                    error = "the objective " + metric.key() + " is " + (objective == null ? "undefined" : objective)
                            + (metric == Metric.MAPE ? " (every actual was zero)" : "");
                    objective = null;
                }
            }
        }
        Trial t = new Trial(worker, number, state, shown, metrics, objective, error, started, end, trialSeed);
        inFlight.remove(number);
        switch (state) {
            case COMPLETED -> {
                completed++;
                observations.add(new Observation(shown, objective));
                best = best == null ? objective : Math.min(best, objective);
            }
            case FAILED -> {
                failed++;
                if (firstError == null) {
                    firstError = "trial " + number + ": " + error;
                }
            }
            default -> {
                if (!stopping) {
                    todo.addFirst(number); // a trial cancelled without the run stopping is run again
                }
            }
        }
        // the next trials' QUEUED rows go in the same transaction as this trial's end: one write, not
        // two, between a trial's end and the next one's start; this trial is in the store before the
        // run reports it, as before
        final List<Start> planned = lost ? List.of() : planFill();
        List<Start> starts = planned;
        final TrialOutcome saved = forStore;
        final Trial toWrite = t;
        try {
            if (!lost) {
                ownedWrite(false, c -> {
                    trials.finish(c, experimentId, toWrite, saved == null ? null : saved.folds(), saved == null ? null : saved.predictions());
                    for (Start next : planned) {
                        trials.upsertStarted(c, experimentId, next.queued(), Provenance.describe());
                    }
                    return null;
                });
            }
        } catch (RunLostException e) {
            lost = true;
            stopping = true;
            unplan(starts);
            starts = List.of();
        } catch (RuntimeException e) {
            // the store refused the write (disk full, file removed): end the run rather than lose track
            firstError = firstError == null ? "cannot write trial " + number + ": " + e.getMessage() : firstError;
            stopping = true;
            unplan(starts);
            starts = List.of();
        }
        emit(HpoState.RUNNING, t);
        if (lost || stopping) {
            stopAll(); // a lost or stopping run stops the trials still running here
        } else {
            for (Start next : starts) {
                launch(next);
            }
            fill(); // ends the run when nothing is left, or the deadline passed while planning
            helpAtTheEnd();
        }
    }

    /**
     * Once no trial is left to start, the run's free slots help the trials still running: a worker
     * that would idle until the run ends trains the folds those trials have not reached yet. Caller
     * holds the lock.
     */
    private void helpAtTheEnd() {
        while (!stopping && !finished && todo.isEmpty() && !inFlight.isEmpty() && inFlight.size() + helpers < maxConcurrent) {
            helpers++;
            scheduler.submit(threads -> help());
        }
    }

    /**
     * A helper's loop: one unstarted piece of a running trial after the other, until none is left or
     * other work waits for the pool.
     */
    private void help() {
        try {
            while (true) {
                List<TrialEvaluator.Work> running = new ArrayList<>();
                synchronized (this) {
                    // a worker that another run's trial waits for goes to that trial instead
                    if (stopping || finished || scheduler.hasWaiting()) {
                        return;
                    }
                    for (InFlight f : inFlight.values()) {
                        TrialEvaluator.Work w = f.work().get();
                        if (w != null) {
                            running.add(w);
                        }
                    }
                }
                boolean helped = false;
                for (TrialEvaluator.Work w : running) {
                    if (w.help()) {
                        helped = true;
                        break;
                    }
                }
                if (!helped) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // the fold's trial reports its failure itself: its own thread throws it from run()
        } finally {
            synchronized (this) {
                helpers--;
            }
        }
    }

    /** Puts planned trials that were not written back at the front of the queue, in order. */
    private void unplan(List<Start> starts) {
        for (int i = starts.size() - 1; i >= 0; i--) {
            todo.addFirst(starts.get(i).number());
        }
    }

    private void finishRun() {
        if (finished) {
            return;
        }
        finished = true;
        if (deadlineTask != null) {
            deadlineTask.cancel(false);
        }
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
        }
        if (lost) {
            // the process that took the run over owns its state now
            emit(HpoState.INTERRUPTED, null);
            done.complete(HpoState.INTERRUPTED);
            return;
        }
        HpoState state;
        String error = null;
        if (interrupted) {
            state = HpoState.INTERRUPTED;
        } else if (cancelledByUser) {
            state = HpoState.CANCELLED;
        } else if (completed > 0) {
            state = HpoState.SUCCESS;
        } else {
            state = HpoState.FAILURE;
            error = timedOut ? "the run timed out before any trial completed" : firstError != null ? "no trial completed; first error: " + firstError : "no trial completed";
        }
        final String err = error;
        final boolean to = timedOut;
        HpoState end = state;
        try {
            ownedWrite(false, c -> {
                experiments.finish(c, experimentId, state, clock.instant(), to, err);
                return null;
            });
        } catch (RunLostException e) {
            lost = true;
            end = HpoState.INTERRUPTED;
        } finally {
            emit(end, null);
            done.complete(end);
        }
    }

    private void heartbeat() {
        try {
            boolean cancelAsked = ownedWrite(false, c -> {
                experiments.heartbeat(c, experimentId, clock.instant());
                return experiments.cancelRequested(c, experimentId);
            });
            if (cancelAsked) {
                cancel(); // asked by another process (hypercast hpo cancel)
            }
        } catch (RunLostException e) {
            synchronized (this) {
                if (!finished) {
                    onLost();
                }
            }
        } catch (RuntimeException ignored) {
            // a missed heartbeat is retried in five seconds; crash detection allows for a few
        }
    }

    private void emit(HpoState state, Trial t) {
        try {
            listener.onProgress(new RunProgress(experimentId, state, completed, failed, inFlight.size(), planned, best, t));
        } catch (RuntimeException ignored) {
            // a listener's fault must not stop the run
        }
    }
}
