package io.hypercast.engine;

import io.hypercast.engine.cluster.ClusterOptions;
import io.hypercast.engine.cluster.ClusterSubmitter;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.store.Store;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The engine a window, the client library or the command line opens: the store, the one trial
 * pool and the services on top. One per process and store file.
 */
public final class Engine implements AutoCloseable {
    /** How often an open engine looks for runs whose process died. */
    static final long DEAD_RUN_CHECK_SECONDS = 5;

    private final Settings settings;
    private final Store store;
    private final TrialScheduler scheduler;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Projects projects;
    private final Nots nots;
    private final Experiments experiments;
    private final Deployments deployments;
    private volatile ClusterSubmitter cluster;

    private Engine(Settings settings, Store store, TrialScheduler scheduler, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hypercast-timer");
            t.setDaemon(true);
            return t;
        });
        this.projects = new Projects(this);
        this.nots = new Nots(this);
        this.experiments = new Experiments(this);
        this.deployments = new Deployments(this);
    }

    public static Engine open(Settings settings) {
        return open(settings, TrialScheduler.forThisMachine(), Clock.systemUTC());
    }

    public static Engine open(Settings settings, TrialScheduler scheduler, Clock clock) {
        Store store = Store.open(settings.database());
        Engine e = new Engine(settings, store, scheduler, clock);
        e.experiments.markInterruptedRuns();
        // a window stays open for hours: it notices runs of other processes that die meanwhile
        e.timer.scheduleWithFixedDelay(() -> {
            try {
                e.experiments.markInterruptedRuns();
            } catch (RuntimeException ignored) {
                // the store was busy or is closing; the next look will do
            }
        }, DEAD_RUN_CHECK_SECONDS, DEAD_RUN_CHECK_SECONDS, TimeUnit.SECONDS);
        return e;
    }

    public Settings settings() {
        return settings;
    }

    public Store store() {
        return store;
    }

    public TrialScheduler scheduler() {
        return scheduler;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    public Clock clock() {
        return clock;
    }

    public Projects projects() {
        return projects;
    }

    public Nots nots() {
        return nots;
    }

    public Experiments experiments() {
        return experiments;
    }

    public Deployments deployments() {
        return deployments;
    }

    /**
     * Joins a cluster (issue 8): runs started from now on send their trials to its workers instead of
     * this process's pool. The engine leaves the cluster when it closes.
     */
    public synchronized ClusterSubmitter joinCluster(ClusterOptions options) {
        if (cluster != null) {
            throw new IllegalStateException("this engine is already in a cluster");
        }
        cluster = ClusterSubmitter.join(options);
        return cluster;
    }

    /** Leaves the cluster (runs still going there lose their workers and go on here); a no-op outside one. */
    public synchronized void leaveCluster() {
        ClusterSubmitter c = cluster;
        cluster = null;
        if (c != null) {
            c.close();
        }
    }

    /** The cluster runs go to, or null: trials run in this process. */
    public ClusterSubmitter cluster() {
        return cluster;
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** Idempotent: runs of this process stop and are left INTERRUPTED (resumable), then the store closes. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        experiments.cancelAllOnClose();
        timer.shutdownNow();
        scheduler.close();
        ClusterSubmitter c = cluster;
        if (c != null) {
            c.close();
        }
        store.close();
    }
}
