package io.hypercast.engine.cluster;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.hypercast.engine.backtest.BacktestRunner;
import io.hypercast.engine.backtest.PreparedBacktest;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.models.TrialCancelledException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A worker: a full Hazelcast member whose executor runs trial tasks. It needs no store. Before it
 * decodes a task it checks the task's signature with the cluster secret; a task without a valid one
 * runs nothing and is counted as rejected. The prepared backtest (fold matrices) of a run is built
 * once per worker and kept under the SHA-256 of the run's inputs.
 *
 * <p>Thread-safe: tasks arrive on Hazelcast's executor threads ({@code threads} at once).
 */
public final class WorkerNode implements AutoCloseable {
    static final String CONTEXT_KEY = "hypercast.worker";
    /** Prepared backtests kept: one per run that is sending trials here, a few runs at once. */
    private static final int CACHED_RUNS = 4;
    /** Task ids seen lately: a task captured and sent again is refused. */
    private static final int REMEMBERED_TASKS = 100_000;

    private final ClusterOptions options;
    private final ClusterSecret secret;
    private final Consumer<String> log;
    private final HazelcastInstance hz;
    private final String name;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger prepared = new AtomicInteger();
    private final Map<String, PreparedBacktest> cache = new LinkedHashMap<>(8, 0.75f, true);
    private final Map<Long, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED_TASKS;
        }
    };
    private final CountDownLatch stopped = new CountDownLatch(1);

    private WorkerNode(ClusterOptions options, ClusterSecret proofSecret, Consumer<String> log) {
        this.options = options;
        this.secret = options.secret();
        this.log = log == null ? s -> { } : log;
        Config config = MemberConfig.worker(options, proofSecret);
        config.getUserContext().put(CONTEXT_KEY, this);
        this.hz = Hazelcast.newHazelcastInstance(config);
        Address a = hz.getCluster().getLocalMember().getAddress();
        this.name = a.getHost() + ":" + a.getPort();
    }

    /** Starts a worker and joins (or forms) its cluster; returns once it is a member. */
    public static WorkerNode start(ClusterOptions options, Consumer<String> log) {
        return new WorkerNode(options, options.secret(), log);
    }

    /** A worker whose proof of the secret is made with {@code proofSecret}: tests play a member that lies about it. */
    static WorkerNode startWithProof(ClusterOptions options, ClusterSecret proofSecret, Consumer<String> log) {
        return new WorkerNode(options, proofSecret, log);
    }

    /** host:port, as the store's worker column records it. */
    public String name() {
        return name;
    }

    public int clusterSize() {
        return hz.getCluster().getMembers().size();
    }

    public int trialsRun() {
        return ran.get();
    }

    public int tasksRejected() {
        return rejected.get();
    }

    public int backtestsPrepared() {
        return prepared.get();
    }

    byte[] run(TrialTask task) {
        byte[] digest = task.inputs() == null ? new byte[0] : ClusterSecret.sha256(task.inputs());
        if (task.inputs() == null || task.trial() == null || !secret.verify(task.signature(), ClusterSecret.text("task"), digest, task.trial())) {
            int n = rejected.incrementAndGet();
            log.accept("rejected a task without a valid signature of the cluster secret (" + n + " rejected so far); nothing was run");
            return ResultEnvelope.seal(secret, new TaskCodec.Result(0, TaskCodec.Status.REJECTED, "the task's signature is wrong", null));
        }
        TaskCodec.TrialPart t = TaskCodec.decodeTrial(task.trial());
        synchronized (seen) {
            if (seen.put(t.taskId(), Boolean.TRUE) != null) {
                int n = rejected.incrementAndGet();
                log.accept("rejected task " + Long.toHexString(t.taskId()) + ": it was sent before (a replay?); " + n + " rejected so far");
                return ResultEnvelope.seal(secret, new TaskCodec.Result(t.taskId(), TaskCodec.Status.REJECTED, "task sent twice", null));
            }
        }
        int now = running.incrementAndGet();
        log.accept("trial started (" + now + " running here)");
        long t0 = System.nanoTime();
        try {
            PreparedBacktest p = prepared(HexFormat.of().formatHex(digest), task.inputs());
            int threads = t.threads() > 0 ? t.threads() : options.trialThreads() > 0 ? options.trialThreads()
                    : Math.max(1, Runtime.getRuntime().availableProcessors() / now);
            TrialOutcome out = BacktestRunner.run(p, t.params(), threads, t.seed(), () -> Thread.currentThread().isInterrupted() || !hz.getLifecycleService().isRunning());
            int n = ran.incrementAndGet();
            log.accept(String.format(java.util.Locale.ROOT, "trial done in %.2f s (%d run here, %d rejected)", (System.nanoTime() - t0) / 1e9, n, rejected.get()));
            return ResultEnvelope.seal(secret, new TaskCodec.Result(t.taskId(), TaskCodec.Status.COMPLETED, null, out));
        } catch (TrialCancelledException e) {
            return ResultEnvelope.seal(secret, new TaskCodec.Result(t.taskId(), TaskCodec.Status.CANCELLED, e.getMessage(), null));
        } catch (RuntimeException | OutOfMemoryError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.accept("trial failed: " + msg);
            return ResultEnvelope.seal(secret, new TaskCodec.Result(t.taskId(), TaskCodec.Status.FAILED, msg, null));
        } finally {
            running.decrementAndGet();
        }
    }

    private PreparedBacktest prepared(String key, byte[] inputs) {
        synchronized (cache) {
            PreparedBacktest p = cache.get(key);
            if (p == null) {
                TaskCodec.Inputs in = TaskCodec.decodeInputs(inputs);
                p = PreparedBacktest.prepare(in.spec(), in.inputs());
                cache.put(key, p);
                prepared.incrementAndGet();
                while (cache.size() > CACHED_RUNS) {
                    cache.remove(cache.keySet().iterator().next());
                }
            }
            return p;
        }
    }

    /** Blocks until {@link #close()} (or the member shuts down). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        try {
            hz.shutdown();
        } finally {
            synchronized (cache) {
                cache.values().forEach(PreparedBacktest::close); // their LightGBM datasets are native memory
                cache.clear();
            }
            stopped.countDown();
        }
    }
}
