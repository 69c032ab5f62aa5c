package io.hypercast.engine.bench;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.store.Store;
import io.hypercast.engine.store.TrialRepository;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trial rows written per second by concurrent writers, each an HPO run of its own writing its
 * trials as {@code HpoRun} does: QUEUED (upsertStarted), RUNNING (markRunning), then the finished
 * trial with its fold rows and predictions in one transaction, all through {@link Store#write}.
 */
final class StoreThroughput {
    private StoreThroughput() {
    }

    record Figures(int trials, int transactions, double seconds, double medianMillis, double p99Millis) {
        double trialsPerSecond() {
            return trials / seconds;
        }

        double transactionsPerSecond() {
            return transactions / seconds;
        }
    }

    static Figures run(Engine engine, UUID projectId, int writers, int trialsEach, TrialOutcome sample) {
        HpoSpec spec = Demo.spec();
        List<UUID> runs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Experiment e = engine.experiments().createHpo(projectId,
                    new HpoSpec(spec.backtest().withTitle("bench store writer " + (w + 1)), spec.searchSpace(), spec.searchAlgorithm()));
            runs.add(e.id());
        }
        Store store = engine.store();
        TrialRepository repo = new TrialRepository();
        double[][] latency = new double[writers][trialsEach * 3];
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            final int wi = w;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    UUID id = runs.get(wi);
                    for (int n = 1; n <= trialsEach; n++) {
                        Map<String, Object> params = new LinkedHashMap<>();
                        params.put("num_boost_round", 100L + n);
                        params.put("learning_rate", 0.01 * n);
                        Instant now = Instant.now();
                        Trial queued = new Trial(null, n, TrialState.QUEUED, params, null, null, null, null, null, n);
                        final int number = n;
                        long t0 = System.nanoTime();
                        store.write(c -> {
                            repo.upsertStarted(c, id, queued, "hypercast bench");
                            return null;
                        });
                        long t1 = System.nanoTime();
                        store.write(c -> {
                            repo.markRunning(c, id, number, now);
                            return null;
                        });
                        long t2 = System.nanoTime();
                        Trial done = new Trial("local", n, TrialState.COMPLETED, params, sample.metrics(), sample.metrics().rmse(), null, now,
                                Instant.now(), n);
                        store.write(c -> {
                            repo.finish(c, id, done, sample.folds(), sample.predictions());
                            return null;
                        });
                        long t3 = System.nanoTime();
                        int k = (n - 1) * 3;
                        latency[wi][k] = (t1 - t0) / 1e6;
                        latency[wi][k + 1] = (t2 - t1) / 1e6;
                        latency[wi][k + 2] = (t3 - t2) / 1e6;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-store-writer-" + (w + 1));
            threads.add(t);
            t.start();
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a store writer failed: " + failure.get().getMessage(), failure.get());
        }
        double[] all = new double[writers * trialsEach * 3];
        int i = 0;
        for (double[] row : latency) {
            for (double v : row) {
                all[i++] = v;
            }
        }
        return new Figures(writers * trialsEach, all.length, seconds, Stats.median(all), Stats.quantile(all, 0.99));
    }
}
