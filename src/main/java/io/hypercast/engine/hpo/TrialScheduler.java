package io.hypercast.engine.hpo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool of trial workers for the whole program (size = cores by default), shared by all
 * runs; each run caps its own in-flight trials. LightGBM threads per trial = cores / running
 * trials, at least 1, decided when a trial starts.
 *
 * <p>Thread-safe.
 */
public final class TrialScheduler implements AutoCloseable {
    private final int cores;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger running = new AtomicInteger();

    public TrialScheduler(int workers, int cores) {
        if (workers < 1 || cores < 1) {
            throw new IllegalArgumentException("workers and cores must be at least 1");
        }
        this.cores = cores;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "hypercast-trial-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static TrialScheduler forThisMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new TrialScheduler(cores, cores);
    }

    public int workers() {
        return pool.getMaximumPoolSize();
    }

    /** Queues a trial; {@code body} receives the LightGBM thread count it may use. */
    public void submit(TrialBody body) {
        pool.execute(() -> {
            int now = running.incrementAndGet();
            try {
                body.run(Math.max(1, cores / now));
            } finally {
                running.decrementAndGet();
            }
        });
    }

    public int runningTrials() {
        return running.get();
    }

    /** True when submitted work waits for a free worker (trials of other runs, say). */
    public boolean hasWaiting() {
        return !pool.getQueue().isEmpty();
    }

    ExecutorService executor() {
        return pool;
    }

    @FunctionalInterface
    public interface TrialBody {
        void run(int threads);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
