package io.hypercast.engine.bench;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.cluster.ClusterOptions;
import io.hypercast.engine.cluster.ClusterSecret;
import io.hypercast.engine.cluster.ClusterSubmitter;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.Hyperopt;
import io.hypercast.model.RandomSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Section 8 of the bench: the demo HPO's trials per minute with 1, 2 and 3 worker processes on this
 * machine (child JVMs on 127.0.0.1, each running 2 trials at once with one LightGBM thread each)
 * against the in-process pool. Every run draws the same parameter sets (Random search, one seed),
 * so the runs differ only in where the trials run.
 */
final class ClusterThroughput {
    static final String SECTION = "8 cluster";
    private static final int TRIALS_PER_WORKER = 2;

    private ClusterThroughput() {
    }

    /** A worker process of the bench. */
    private record Worker(Process process, Path log, int port) {
        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }

    static void addTo(BenchTable table, Engine engine, Demo.Created demo, int trials, java.util.function.Consumer<String> log) {
        HpoSpec shipped = Demo.spec();
        Hyperopt h = (Hyperopt) shipped.searchAlgorithm();
        log.accept("cluster: demo HPO in this process, Random search, " + TRIALS_PER_WORKER + " concurrent");
        HpoTiming.Figures local = HpoTiming.run(engine, demo.project().id(), spec(shipped, trials, TRIALS_PER_WORKER, h, "bench cluster local"));
        table.add(BenchRow.of(SECTION, "in-process pool, " + TRIALS_PER_WORKER + " concurrent", local.throughput() * 60, "trials/min",
                local.completed() + " trials in " + Bench.fmt(local.wallSeconds()) + " s; Random seed " + h.seed() + ", the same parameter sets in every row"));
        Path dir;
        try {
            dir = Files.createTempDirectory("hypercast-bench-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<Worker> workers = new ArrayList<>();
        try {
            for (int k = 1; k <= 3; k++) {
                workers.add(startWorker(dir, name, workers));
                List<String> members = new ArrayList<>();
                for (Worker w : workers) {
                    members.add("127.0.0.1:" + w.port());
                }
                int concurrent = Math.min(5, TRIALS_PER_WORKER * k);
                log.accept("cluster: demo HPO on " + k + " local worker process" + (k == 1 ? "" : "es") + ", " + concurrent + " concurrent");
                ClusterSubmitter s = engine.joinCluster(ClusterOptions.submitter(name, null, members, freePort(), ClusterSecret.none()));
                try {
                    awaitWorkers(s, k);
                    HpoTiming.Figures f = HpoTiming.run(engine, demo.project().id(), spec(shipped, trials, concurrent, h, "bench cluster " + k));
                    table.add(BenchRow.of(SECTION, k + " local worker process" + (k == 1 ? "" : "es") + ", " + concurrent + " concurrent",
                            f.throughput() * 60, "trials/min", f.completed() + " trials in " + Bench.fmt(f.wallSeconds()) + " s, "
                                    + Bench.fmt(f.throughput() / local.throughput()) + "x the in-process pool; the workers share this machine's "
                                    + Runtime.getRuntime().availableProcessors() + " cores with the submitter"));
                } finally {
                    engine.leaveCluster();
                }
            }
        } finally {
            for (Worker w : workers) {
                w.process().destroy();
            }
            for (Worker w : workers) {
                try {
                    if (!w.process().waitFor(10, TimeUnit.SECONDS)) {
                        w.process().destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    w.process().destroyForcibly();
                }
            }
        }
    }

    private static HpoSpec spec(HpoSpec shipped, int trials, int concurrent, Hyperopt h, String title) {
        return new HpoSpec(shipped.backtest().withTitle(title), shipped.searchSpace(), new RandomSearch(trials, concurrent, h.metric(), h.seed()));
    }

    private static Worker startWorker(Path dir, String cluster, List<Worker> others) {
        try {
            int port = freePort();
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.add("-Xmx512m");
            String nativeDir = System.getProperty("hypercast.native.dir");
            if (nativeDir != null) {
                cmd.add("-Dhypercast.native.dir=" + nativeDir);
            }
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("io.hypercast.cli.Main");
            cmd.addAll(List.of("worker", "--cluster", cluster, "--port", Integer.toString(port), "--threads", Integer.toString(TRIALS_PER_WORKER),
                    "--trial-threads", "1"));
            List<String> members = new ArrayList<>();
            for (Worker w : others) {
                members.add("127.0.0.1:" + w.port());
            }
            if (!members.isEmpty()) {
                cmd.add("--members");
                cmd.add(String.join(",", members));
            }
            Path log = dir.resolve("worker-" + port + ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
            pb.environment().remove("HYPERCAST_CLUSTER_SECRET");
            Process p = pb.start();
            p.getOutputStream().close();
            Worker w = new Worker(p, log, port);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!w.output().contains(" ready in cluster ")) {
                if (!p.isAlive() || System.nanoTime() > until) {
                    p.destroyForcibly();
                    throw new IllegalStateException("a bench worker did not start: " + w.output());
                }
                LockSupport.parkNanos(50_000_000);
            }
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitWorkers(ClusterSubmitter s, int k) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (s.workers() < k) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("only " + s.workers() + " of " + k + " bench workers joined: " + s.members());
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
