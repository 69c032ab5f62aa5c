package io.hypercast.engine;

import io.hypercast.engine.backtest.FoldPlan;
import io.hypercast.engine.backtest.ModelInputs;
import io.hypercast.engine.backtest.BacktestRunner;
import io.hypercast.engine.backtest.PreparedBacktest;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.cluster.ClusterSubmitter;
import io.hypercast.engine.hpo.HpoRun;
import io.hypercast.engine.hpo.TrialEvaluator;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.hpo.RunListener;
import io.hypercast.engine.hpo.RunLostException;
import io.hypercast.engine.hpo.RunProgress;
import io.hypercast.engine.hpo.Sampler;
import io.hypercast.engine.hpo.Samplers;
import io.hypercast.engine.models.ModelKind;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.store.DeploymentRepository;
import io.hypercast.engine.store.ExperimentRepository;
import io.hypercast.engine.store.TrialRepository;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.Deployment;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.FoldResult;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LimitExceededException;
import io.hypercast.model.Metric;
import io.hypercast.model.Node;
import io.hypercast.model.NotFoundException;
import io.hypercast.model.Prediction;
import io.hypercast.model.SearchAlgorithm;
import io.hypercast.model.Trial;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Backtests and HPOs: drafts, runs (guardrails, the freezing deployment, loading, the run),
 * cancel, resume and results. The window, the client library and the command line all come here.
 */
public final class Experiments {
    public static final int MAX_CONCURRENT_HPO_RUNS_PER_PROJECT = 30;
    public static final int MAX_CONCURRENT_HPO_RUNS_PER_USER = 5;
    public static final int MAX_CONCURRENT_BACKTESTS_PER_PROJECT = 10;
    public static final Duration BACKTEST_MAX_RUN_TIME = Duration.ofHours(3);

    private final Engine engine;
    private final ExperimentRepository repo = new ExperimentRepository();
    private final TrialRepository trials = new TrialRepository();
    private final DeploymentRepository deployments = new DeploymentRepository();
    private final Map<UUID, HpoRun> local = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<HpoState>> loading = new ConcurrentHashMap<>();
    private final ExecutorService loader = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hypercast-run-loader");
        t.setDaemon(true);
        return t;
    });

    Experiments(Engine engine) {
        this.engine = engine;
    }

    // ---- drafts ----

    public Experiment createHpo(UUID projectId, HpoSpec spec) {
        Node model = validate(projectId, spec);
        return insert(projectId, ExperimentKind.HPO, model, spec.backtest(), spec);
    }

    public Experiment createBacktest(UUID projectId, BacktestSpec spec) {
        Node model = validate(projectId, spec);
        return insert(projectId, ExperimentKind.BACKTEST, model, spec, null);
    }

    private Experiment insert(UUID projectId, ExperimentKind kind, Node model, BacktestSpec backtest, HpoSpec hpo) {
        engine.projects().get(projectId);
        Experiment e = new Experiment(UUID.randomUUID(), projectId, kind, backtest.title(), model.id(), backtest, hpo, HpoState.DRAFT,
                engine.settings().profile(), engine.clock().instant(), null, null, false, null);
        engine.store().write(c -> {
            repo.insert(c, e);
            return null;
        });
        return e;
    }

    /** Replaces a draft's definition. A run HPO is read-only: duplicate it to change it. */
    public Experiment updateDraft(UUID id, HpoSpec hpo, BacktestSpec backtest) {
        Experiment old = get(id);
        if (old.state() != HpoState.DRAFT) {
            throw new InvalidInputException("state", "'" + old.title() + "' is " + old.state() + ", not a draft; duplicate it to change it");
        }
        BacktestSpec bt = hpo != null ? hpo.backtest() : backtest;
        Node model = hpo != null ? validate(old.projectId(), hpo) : validate(old.projectId(), bt);
        Experiment e = new Experiment(old.id(), old.projectId(), old.kind(), bt.title(), model.id(), bt, hpo, HpoState.DRAFT, old.creator(),
                old.createdAt(), null, null, false, null);
        engine.store().write(c -> {
            repo.updateDraft(c, e);
            return null;
        });
        return e;
    }

    /** A new draft with the same definition, titled "copy of ...". */
    public Experiment duplicate(UUID id) {
        Experiment old = get(id);
        BacktestSpec bt = old.backtest().withTitle(old.title() + " (copy)");
        if (old.hpo() != null) {
            return createHpo(old.projectId(), new HpoSpec(bt, old.hpo().searchSpace(), old.hpo().searchAlgorithm()));
        }
        return createBacktest(old.projectId(), bt);
    }

    /** Deletes an experiment (it stops counting against the guardrails); refused while it runs. */
    public void delete(UUID id) {
        Experiment e = get(id);
        if (e.state().isActive()) {
            throw new InvalidInputException("state", "'" + e.title() + "' is " + e.state() + "; cancel it before deleting it");
        }
        engine.store().write(c -> {
            repo.markDeleted(c, id);
            return null;
        });
    }

    private Node validate(UUID projectId, HpoSpec spec) {
        Node model = validate(projectId, spec.backtest());
        ModelKind kind = ModelKinds.get(model.type());
        kind.validate(spec.searchSpace());
        SearchAlgorithm algo = spec.searchAlgorithm();
        if (algo.numTrials() > SearchAlgorithm.MAX_TRIALS) {
            throw new LimitExceededException("trials per HPO", SearchAlgorithm.MAX_TRIALS, "search_algorithm.num_trials is " + algo.numTrials());
        }
        if (algo.maxConcurrentTrials() > SearchAlgorithm.MAX_CONCURRENT_TRIALS) {
            throw new LimitExceededException("concurrent trials per HPO", SearchAlgorithm.MAX_CONCURRENT_TRIALS,
                    "search_algorithm.max_concurrent_trials is " + algo.maxConcurrentTrials());
        }
        return model;
    }

    private Node validate(UUID projectId, BacktestSpec spec) {
        Node model = engine.nots().model(projectId, spec.model());
        FoldPlan.of(spec); // cron expressions, test period, folds limit, first uncovered reference time
        return model;
    }

    // ---- reading ----

    public Experiment get(UUID id) {
        return engine.store().read(c -> repo.get(c, id)).orElseThrow(() -> new NotFoundException("id", "HPO or backtest", id.toString()));
    }

    public Experiment resolve(String ref) {
        Optional<UUID> id = Ids.parse(ref == null ? "" : ref);
        if (id.isEmpty()) {
            throw new InvalidInputException("id", "'" + ref + "' is not a uuid");
        }
        return get(id.get());
    }

    public List<Experiment> list(UUID projectId, ExperimentKind kind) {
        return engine.store().read(c -> repo.list(c, projectId, kind));
    }

    public List<Trial> trials(UUID id) {
        return engine.store().read(c -> trials.list(c, id));
    }

    public Optional<Trial> best(UUID id) {
        return engine.store().read(c -> trials.best(c, id));
    }

    public Trial trial(UUID id, int number) {
        return engine.store().read(c -> trials.get(c, id, number))
                .orElseThrow(() -> new NotFoundException("trial", "trial", number + " of " + id));
    }

    public List<Prediction> predictions(UUID id, int number) {
        return engine.store().read(c -> trials.predictions(c, id, number));
    }

    public List<FoldResult> folds(UUID id, int number) {
        return engine.store().read(c -> trials.folds(c, id, number));
    }

    public HpoResult result(UUID id) {
        Experiment e = get(id);
        List<Trial> all = trials(id);
        Trial best = best(id).orElse(null);
        List<String> optimized = e.hpo() == null ? List.of() : new ArrayList<>(e.hpo().searchSpace().parameters().keySet());
        Node model = engine.nots().node(e.modelId());
        Map<String, Object> resolved = ModelKinds.get(model.type()).resolve(Nots.parameters(model), "parameters");
        Map<String, Object> non = new LinkedHashMap<>(resolved);
        optimized.forEach(non::remove);
        return new HpoResult(e, all, best, optimized, non);
    }

    public boolean hasActiveRuns(UUID projectId) {
        return list(projectId, ExperimentKind.HPO).stream().anyMatch(x -> x.state().isActive())
                || list(projectId, ExperimentKind.BACKTEST).stream().anyMatch(x -> x.state().isActive());
    }

    // ---- running ----

    /** Starts a draft's run in this process; returns once the guardrails passed and the job exists. */
    public RunHandle run(UUID id, Duration timeout, RunListener listener) {
        return start(id, timeout, listener, false);
    }

    /** Resumes an INTERRUPTED run: finished trials are kept, the search continues from them. */
    public RunHandle resume(UUID id, Duration timeout, RunListener listener) {
        return start(id, timeout, listener, true);
    }

    private RunHandle start(UUID id, Duration timeout, RunListener listener, boolean resume) {
        Experiment e = get(id);
        if (resume && e.state().isActive() && !local.containsKey(id) && !loading.containsKey(id)) {
            // its process may have died a moment ago: look at the owner before refusing
            markInterruptedRuns();
            e = get(id);
        }
        return start(e, timeout, listener, resume);
    }

    private RunHandle start(Experiment e, Duration timeout, RunListener listener, boolean resume) {
        UUID id = e.id();
        if (resume && e.state() != HpoState.INTERRUPTED) {
            throw new InvalidInputException("state", "'" + e.title() + "' is " + e.state() + "; only an INTERRUPTED run can be resumed");
        }
        if (!resume && e.state() != HpoState.DRAFT) {
            throw new InvalidInputException("state", "'" + e.title() + "' is " + e.state() + (e.state() == HpoState.INTERRUPTED
                    ? "; resume it instead" : "; a run HPO is read-only: duplicate it to run it again (hypercast hpo duplicate, or Duplicate as draft in the window)"));
        }
        Node model = e.hpo() != null ? validate(e.projectId(), e.hpo()) : validate(e.projectId(), e.backtest());
        Duration limit = timeout != null ? timeout : engine.settings().defaultTimeout();
        if (e.kind() == ExperimentKind.BACKTEST && limit.compareTo(BACKTEST_MAX_RUN_TIME) > 0) {
            limit = BACKTEST_MAX_RUN_TIME;
        }
        if (limit.isNegative() || limit.isZero()) {
            throw new InvalidInputException("timeout", "must be positive, got " + limit);
        }
        Instant now = engine.clock().instant();
        Instant deadline = now.plus(limit);
        long pid = ProcessHandle.current().pid();
        String host = hostName();
        engine.store().write(c -> {
            // the claim, the guardrails and the job's insert in one IMMEDIATE transaction: two runs
            // started at once, from two processes, cannot both pass a limit or both claim one run
            HpoState current = repo.get(c, id).map(Experiment::state).orElse(null);
            if (current != e.state()) {
                throw new InvalidInputException("state", "'" + e.title() + "' is " + current + " now: another process "
                        + (resume ? "resumed" : "started") + " it meanwhile");
            }
            if (e.kind() == ExperimentKind.HPO) {
                int inProject = repo.countActive(c, ExperimentKind.HPO, e.projectId(), null);
                if (inProject >= MAX_CONCURRENT_HPO_RUNS_PER_PROJECT) {
                    throw new LimitExceededException("concurrent HPO runs per project", MAX_CONCURRENT_HPO_RUNS_PER_PROJECT,
                            inProject + " are running in this project");
                }
                int byUser = repo.countActive(c, ExperimentKind.HPO, null, e.creator());
                if (byUser >= MAX_CONCURRENT_HPO_RUNS_PER_USER) {
                    throw new LimitExceededException("concurrent HPO runs per user", MAX_CONCURRENT_HPO_RUNS_PER_USER,
                            "user '" + e.creator() + "' has " + byUser + " running");
                }
            } else {
                int inProject = repo.countActive(c, ExperimentKind.BACKTEST, e.projectId(), null);
                if (inProject >= MAX_CONCURRENT_BACKTESTS_PER_PROJECT) {
                    throw new LimitExceededException("concurrent backtests per project", MAX_CONCURRENT_BACKTESTS_PER_PROJECT,
                            inProject + " are running in this project");
                }
            }
            if (deployments.forProject(c, e.projectId()).isEmpty()) {
                deployments.insert(c, new Deployment(UUID.randomUUID(), e.projectId(), "Frozen by " + e.title(), false,
                        "created by the first run (" + e.kind() + " '" + e.title() + "') to freeze the NoTS", now));
            }
            repo.start(c, id, now, deadline, pid, host);
            return null;
        });
        RunListener l = listener == null ? RunListener.NONE : listener;
        int planned = e.plannedTrials();
        l.onProgress(new RunProgress(id, HpoState.PENDING, 0, 0, 0, planned, null, null));
        CompletableFuture<HpoState> done = new CompletableFuture<>();
        loading.put(id, done);
        // the run's own heartbeat starts with its first trial; loading a large NoTS can take longer
        // than other processes wait before they call a silent run dead
        ScheduledFuture<?> loadingHeartbeat = engine.timer().scheduleAtFixedRate(() -> heartbeatWhileLoading(id, pid),
                HpoRun.HEARTBEAT_SECONDS, HpoRun.HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        loader.execute(() -> {
            try {
                load(e, model, deadline, l, done);
            } finally {
                loadingHeartbeat.cancel(false);
            }
        });
        return new RunHandle(id, done, () -> cancel(id));
    }

    private void heartbeatWhileLoading(UUID id, long pid) {
        try {
            engine.store().write(c -> {
                if (repo.ownedBy(c, id, pid, false)) {
                    repo.heartbeat(c, id, engine.clock().instant());
                }
                return null;
            });
        } catch (RuntimeException ignored) {
            // the next one may get through; a run is only called dead after a minute of silence
        }
    }

    /** Trials as backtests over the run's prepared folds; an idle worker may train a fold of a running trial. */
    private static TrialEvaluator backtests(PreparedBacktest prepared) {
        return new TrialEvaluator() {
            @Override
            public TrialOutcome evaluate(Map<String, Object> params, int threads, long seed, BooleanSupplier cancelled) {
                return BacktestRunner.run(prepared, params, threads, seed, cancelled);
            }

            @Override
            public Work start(Map<String, Object> params, int threads, long seed, BooleanSupplier cancelled) {
                BacktestRunner.Work w = BacktestRunner.start(prepared, params, threads, seed, cancelled);
                return new Work() {
                    @Override
                    public TrialOutcome run() {
                        return w.run();
                    }

                    @Override
                    public boolean help() {
                        return w.help();
                    }
                };
            }
        };
    }

    private void load(Experiment e, Node model, Instant deadline, RunListener l, CompletableFuture<HpoState> done) {
        UUID id = e.id();
        long pid = ProcessHandle.current().pid();
        try {
            engine.store().write(c -> {
                if (!repo.ownedBy(c, id, pid, false)) {
                    throw new RunLostException(id);
                }
                repo.setState(c, id, HpoState.LOADING_DATA);
                return null;
            });
            l.onProgress(new RunProgress(id, HpoState.LOADING_DATA, 0, 0, 0, e.plannedTrials(), null, null));
            ModelInputs inputs = engine.nots().modelInputs(e.projectId(), model);
            PreparedBacktest prepared = PreparedBacktest.prepare(e.backtest(), inputs);
            ModelKind kind = ModelKinds.get(model.type());
            Map<String, Object> base = Nots.parameters(model);
            Sampler sampler;
            Set<String> optimized;
            Metric metric;
            int maxConcurrent;
            long seed;
            if (e.hpo() != null) {
                sampler = Samplers.create(e.hpo().searchSpace(), e.hpo().searchAlgorithm());
                optimized = new LinkedHashSet<>(e.hpo().searchSpace().parameters().keySet());
                metric = e.hpo().searchAlgorithm().metric();
                maxConcurrent = e.hpo().searchAlgorithm().maxConcurrentTrials();
                seed = e.hpo().searchAlgorithm().seed();
            } else {
                sampler = (number, finished, pending) -> new LinkedHashMap<>();
                optimized = Set.of();
                metric = Metric.RMSE;
                maxConcurrent = 1;
                seed = 0;
            }
            List<Trial> existing = engine.store().read(c -> trials.list(c, id));
            ClusterSubmitter cluster = engine.cluster();
            TrialScheduler scheduler = engine.scheduler();
            TrialEvaluator evaluator = backtests(prepared);
            if (cluster != null) {
                // trials go to the cluster's workers; this process keeps the search, the guardrails and the store
                scheduler = cluster.scheduler();
                evaluator = cluster.evaluator(e.backtest(), inputs, prepared, message -> l.onNotice(id, message));
            }
            HpoRun run = new HpoRun(new HpoRun.Setup(id, engine.store(), scheduler, engine.timer(), sampler, kind, base, optimized,
                    evaluator, metric, e.plannedTrials(), maxConcurrent, seed, deadline, engine.clock(), l, existing));
            local.put(id, run);
            if (done.isDone()) { // cancelled while loading
                prepared.close();
                return;
            }
            run.start().whenComplete((state, err) -> {
                // every trial has ended: free the folds' LightGBM Datasets
                prepared.close();
                local.remove(id);
                loading.remove(id);
                if (err != null) {
                    done.completeExceptionally(err);
                } else {
                    done.complete(state);
                }
            });
        } catch (RunLostException ex) {
            // another start-up took the run over while it was loading: it owns the run's state now
            loading.remove(id);
            local.remove(id);
            done.complete(HpoState.INTERRUPTED);
        } catch (RuntimeException ex) {
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            try {
                engine.store().write(c -> {
                    if (repo.ownedBy(c, id, pid, false)) {
                        repo.finish(c, id, HpoState.FAILURE, engine.clock().instant(), false, "loading data failed: " + msg);
                    }
                    return null;
                });
            } finally {
                loading.remove(id);
                l.onProgress(new RunProgress(id, HpoState.FAILURE, 0, 0, 0, e.plannedTrials(), null, null));
                done.complete(HpoState.FAILURE);
            }
        }
    }

    /** Cancels a run: at once if this process runs it, else by asking its process through the store. */
    public void cancel(UUID id) {
        HpoRun run = local.get(id);
        if (run != null) {
            run.cancel();
            return;
        }
        Experiment e = get(id);
        if (e.state() == HpoState.DRAFT || e.state() == HpoState.INTERRUPTED) {
            engine.store().write(c -> {
                repo.finish(c, id, HpoState.CANCELLED, engine.clock().instant(), false, "cancelled by the user");
                return null;
            });
            return;
        }
        if (!e.state().isActive()) {
            throw new InvalidInputException("state", "'" + e.title() + "' has ended (" + e.state() + "); there is nothing to cancel");
        }
        engine.store().write(c -> {
            repo.requestCancel(c, id);
            return null;
        });
    }

    /**
     * At start-up, every few seconds after (so that an open window notices), and before a resume: a
     * run left active by a process that is gone (dead pid on this host, or no heartbeat for a
     * minute) becomes INTERRUPTED, and its unfinished trials CANCELLED. Runs of this engine are
     * alive by definition; a run whose owner wrote since it was looked at is left alone.
     */
    void markInterruptedRuns() {
        Instant now = engine.clock().instant();
        String host = hostName();
        for (ExperimentRepository.Owner o : engine.store().read(repo::activeOwners)) {
            if (local.containsKey(o.id()) || loading.containsKey(o.id())) {
                continue;
            }
            boolean sameHost = host.equals(o.host());
            boolean pidAlive = o.pid() != null && ProcessHandle.of(o.pid()).map(ProcessHandle::isAlive).orElse(false);
            boolean fresh = o.heartbeat() != null && Duration.between(o.heartbeat(), now).compareTo(Duration.ofSeconds(60)) < 0;
            boolean alive = sameHost ? pidAlive && fresh : fresh;
            if (alive) {
                continue;
            }
            engine.store().write(c -> {
                if (repo.markInterrupted(c, o, "interrupted: the program running it stopped; it can be resumed")) {
                    trials.cancelUnfinished(c, o.id(), "cancelled: interrupted (the program running it stopped); resume the HPO to run it again", now);
                }
                return null;
            });
        }
    }

    /** The program is closing: runs of this process stop and are left INTERRUPTED (resumable). */
    void cancelAllOnClose() {
        List<CompletableFuture<HpoState>> waits = new ArrayList<>();
        for (HpoRun run : local.values()) {
            run.interrupt();
            waits.add(run.completion());
        }
        try {
            CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // whatever did not stop in time is found at the next start-up and marked INTERRUPTED
        }
        loader.shutdownNow();
    }

    private static volatile String hostName;

    /** This machine's name, looked up once (a slow resolver must not slow every check). */
    private static String hostName() {
        String h = hostName;
        if (h == null) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                h = "localhost";
            }
            hostName = h;
        }
        return h;
    }

    /**
     * For the window's experiment tables: per experiment of the project with trials, its trial
     * counts and best trial (metrics of a backtest's one trial), from two queries instead of
     * reading every trial of every experiment.
     */
    public Map<UUID, TrialRepository.Summary> summaries(UUID projectId) {
        return engine.store().read(c -> trials.summaries(c, projectId));
    }
}
