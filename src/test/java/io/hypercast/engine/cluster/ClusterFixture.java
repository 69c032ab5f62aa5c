package io.hypercast.engine.cluster;

import io.hypercast.cli.Main;
import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.backtest.BacktestRunner;
import io.hypercast.engine.backtest.PreparedBacktest;
import io.hypercast.engine.backtest.TrialOutcome;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.Hyperopt;
import io.hypercast.model.Node;
import io.hypercast.model.Trial;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** What the cluster tests share: free ports, worker processes, a fast demo HPO and the in-process reference. */
final class ClusterFixture {
    /** Tests notice a killed member within this many seconds (the product's default is 15). */
    static final int MAX_NO_HEARTBEAT_SECONDS = 4;
    /** Fast demo trials: 20 to 80 boosting rounds. */
    static final String FAST_SPACE = """
            {"num_boost_round": {"type": "QUniform", "lower": 20, "upper": 80, "q": 10},
             "max_depth": {"type": "QUniform", "lower": 3, "upper": 8, "q": 1},
             "learning_rate": {"type": "LogUniform", "lower": 0.03, "upper": 0.3}}""";

    private ClusterFixture() {
    }

    static String randomClusterName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** The demo HPO with a fast search space, {@code trials} trials, {@code concurrent} at once. */
    static HpoSpec fastDemoHpo(int trials, int concurrent) {
        HpoSpec demo = Demo.spec();
        Hyperopt h = (Hyperopt) demo.searchAlgorithm();
        return new HpoSpec(demo.backtest().withTitle("cluster test " + UUID.randomUUID()),
                SpecJson.readSearchSpace(SpecJson.parse(FAST_SPACE), "search_space"),
                new Hyperopt(trials, concurrent, h.nStartupJobs(), h.metric(), 7));
    }

    /** What the trial would have given in this process: the same resolved parameters and seed, one LightGBM thread. */
    static TrialOutcome inProcess(Engine engine, Demo.Created demo, PreparedBacktest prepared, Trial t) {
        Node model = demo.model();
        Map<String, Object> merged = new LinkedHashMap<>(Nots.parameters(model));
        merged.putAll(t.parameters());
        Map<String, Object> resolved = ModelKinds.get(model.type()).resolve(merged, "reference of trial " + t.number());
        return BacktestRunner.run(prepared, resolved, 1, t.seed(), () -> false);
    }

    static PreparedBacktest prepared(Engine engine, Demo.Created demo, HpoSpec spec) {
        return PreparedBacktest.prepare(spec.backtest(), engine.nots().modelInputs(demo.project().id(), demo.model()));
    }

    static boolean await(BooleanSupplier condition, long seconds) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(20_000_000);
        }
        return condition.getAsBoolean();
    }

    /** A `hypercast worker` in a child JVM (this JVM's java and class path), its output in a log file. */
    static final class WorkerProcess implements AutoCloseable {
        final Process process;
        final Path log;
        final int port;

        private WorkerProcess(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static WorkerProcess start(Path dir, String cluster, int port, List<Integer> peers, String secret, String... extra) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElseThrow());
            cmd.add("-Xmx384m");
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-XX:+UseSerialGC");
            String nativeDir = System.getProperty("hypercast.native.dir");
            if (nativeDir != null) {
                cmd.add("-Dhypercast.native.dir=" + nativeDir);
            }
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
            cmd.add("worker");
            cmd.add("--cluster");
            cmd.add(cluster);
            cmd.add("--port");
            cmd.add(Integer.toString(port));
            List<String> members = new ArrayList<>();
            for (int p : peers) {
                members.add("127.0.0.1:" + p);
            }
            if (!members.isEmpty()) {
                cmd.add("--members");
                cmd.add(String.join(",", members));
            }
            cmd.addAll(List.of(extra));
            Path log = dir.resolve("worker-" + port + ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
            pb.environment().put("HYPERCAST_HOME", dir.toString());
            pb.environment().put("HYPERCAST_CLUSTER_MAX_NO_HEARTBEAT_SECONDS", Integer.toString(MAX_NO_HEARTBEAT_SECONDS));
            if (secret == null) {
                pb.environment().remove("HYPERCAST_CLUSTER_SECRET");
            } else {
                pb.environment().put("HYPERCAST_CLUSTER_SECRET", secret);
            }
            Process p = pb.start();
            p.getOutputStream().close();
            return new WorkerProcess(p, log, port);
        }

        String name() {
            return "127.0.0.1:" + port;
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }

        long lines(String containing) {
            return output().lines().filter(l -> l.contains(containing)).count();
        }

        /** Waits for the "ready" line; fails with the output if the worker ended or took too long. */
        void awaitReady(long seconds) {
            if (!await(() -> output().contains(" ready in cluster ") || !process.isAlive(), seconds) || !process.isAlive()) {
                throw new AssertionError("worker " + name() + " did not start within " + seconds + " s:\n" + output());
            }
        }

        /** SIGKILL: no shutdown hook, no goodbye to the cluster. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("worker " + process.pid() + " did not die after SIGKILL");
            }
        }

        /** SIGTERM (the worker leaves the cluster through its shutdown hook), SIGKILL after 10 s. */
        @Override
        public void close() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
