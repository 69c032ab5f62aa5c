package io.hypercast.engine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Section 7's launch time: the window started in a fresh JVM on a new store (the first launch also
 * creates the demo project) and again on the same store, timed from the JVM's start to the first
 * pulse that shows the Experiment page with its tables (the app's launch probe prints it). Needs a
 * display: under X11 ({@code DISPLAY}) or Wayland; on a machine without one, run the benchmark
 * under {@code xvfb-run}. The engine does not load JavaFX: the window runs in the child process.
 */
final class LaunchTime {
    static final String LAUNCHER = "io.hypercast.ui.Launcher";
    private static final String PREFIX = "LAUNCH_MS ";

    record Figures(double firstSeconds, double medianSeconds, int runs, String note) {
    }

    private LaunchTime() {
    }

    static boolean displayAvailable() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** First launch (demo project created) then {@code again} launches on the same store. */
    static Figures measure(int again) {
        Path home = null;
        try {
            home = Files.createTempDirectory("hypercast-bench-launch");
            double first = launch(home);
            double[] later = new double[again];
            for (int i = 0; i < again; i++) {
                later[i] = launch(home);
            }
            Arrays.sort(later);
            double median = again == 0 ? first : later[again / 2];
            return new Figures(first, median, again, String.format(Locale.ROOT,
                    "a fresh JVM each time, from its start to the Experiment page drawn with its tables; first launch %.2f s (creates the "
                            + "store and the demo project), then the median of %d on the same store", first, again));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (home != null) {
                Bench.deleteTree(home);
            }
        }
    }

    private static double launch(Path home) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dhypercast.launchProbe=true");
        cmd.add(LAUNCHER);
        cmd.add("--db");
        cmd.add(home.resolve("hypercast.db").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HYPERCAST_HOME", home.toString());
        Process child = pb.start();
        child.getOutputStream().close();
        try {
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(2, TimeUnit.MINUTES)) {
                child.destroyForcibly();
                throw new IllegalStateException("the window did not show its Experiment page within 2 minutes");
            }
            for (String line : out.split("\n")) {
                if (line.startsWith(PREFIX)) {
                    return Long.parseLong(line.substring(PREFIX.length()).strip()) / 1000.0;
                }
            }
            throw new IllegalStateException("the window exited (" + child.exitValue() + ") without showing its Experiment page: "
                    + out.lines().reduce((a, b) -> b).orElse(""));
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
