package io.hypercast.engine.bench;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.Hyperopt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The peak resident memory (Linux VmHWM) of a process that runs the demo HPO with N trials. By
 * default measured in a fresh JVM (this class's {@link #main}) so that the figure is that of a
 * process doing only this, as {@code hypercast demo --run} would, with the JVM's default heap.
 */
public final class PeakMemory {
    static final String MARK = "HYPERCAST_BENCH_MEMORY";

    private PeakMemory() {
    }

    /** @param peakMb VmHWM in MB, NaN if unknown */
    record Figures(double peakMb, String note) {
    }

    static Figures measure(int trials, boolean inChild) {
        if (inChild) {
            try {
                return inChildJvm(trials);
            } catch (RuntimeException e) {
                Figures f = inThisProcess(trials);
                return new Figures(f.peakMb(), f.note() + "; the fresh JVM failed (" + e.getMessage() + ")");
            }
        }
        return inThisProcess(trials);
    }

    private static Figures inThisProcess(int trials) {
        Probe p = probe(trials);
        return new Figures(mb(p.peakKb), "in the benchmark's own process (earlier sections count too): " + p.describe());
    }

    private static Figures inChildJvm(int trials) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        String nativeDir = System.getProperty("hypercast.native.dir");
        if (nativeDir != null) {
            cmd.add("-Dhypercast.native.dir=" + nativeDir);
        }
        cmd.add(PeakMemory.class.getName());
        cmd.add(Integer.toString(trials));
        try {
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            child.getOutputStream().close();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(30, TimeUnit.MINUTES)) {
                child.destroy();
                throw new IllegalStateException("timed out");
            }
            for (String line : out.split("\n")) {
                if (line.startsWith(MARK + " ")) {
                    String[] f = line.substring(MARK.length() + 1).split(" ", 2);
                    return new Figures(mb(Long.parseLong(f[0])), "a fresh JVM with default options: " + f[1]);
                }
            }
            throw new IllegalStateException("exit " + child.exitValue() + ": " + out.lines().reduce((a, b) -> b).orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs the probe in this JVM and prints one line: the mark, VmHWM in kB, then a description. */
    public static void main(String[] args) {
        int trials = Integer.parseInt(args[0]);
        Probe p = probe(trials);
        System.out.println(MARK + " " + p.peakKb + " " + p.describe());
        System.exit(0);
    }

    private record Probe(long peakKb, long beforeKb, int trials, int completed, double wall, double best, long maxHeapMb) {
        String describe() {
            return String.format(Locale.ROOT, "%d MB after start-up and the demo project, %d of %d trials completed in %.1f s (2 concurrent), "
                    + "best RMSE %.1f, max heap %d MB", beforeKb / 1024, completed, trials, wall, best, maxHeapMb);
        }
    }

    private static Probe probe(int trials) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("hypercast-bench-memory");
            Settings settings = Settings.fromEnvironment().withDatabase(tmp.resolve("memory.db")).withProfile("hypercast-bench");
            try (Engine engine = Engine.open(settings)) {
                Demo.Created demo = Demo.ensure(engine);
                long before = vmHwmKb();
                HpoSpec s = Demo.spec();
                Hyperopt h = (Hyperopt) s.searchAlgorithm();
                HpoSpec spec = new HpoSpec(s.backtest().withTitle("bench memory"), s.searchSpace(),
                        new Hyperopt(trials, h.maxConcurrentTrials(), h.nStartupJobs(), h.metric(), h.seed()));
                HpoTiming.Figures f = HpoTiming.run(engine, demo.project().id(), spec);
                return new Probe(vmHwmKb(), before, trials, f.completed(), f.wallSeconds(), f.best(), Runtime.getRuntime().maxMemory() >> 20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try (Stream<Path> files = Files.walk(tmp)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }

    private static double mb(long kb) {
        return kb < 0 ? Double.NaN : kb / 1024.0;
    }

    /** This process's peak resident set (VmHWM) in kB, or -1 where /proc is not there. */
    static long vmHwmKb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
