package io.hypercast.reliability;

import io.hypercast.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a child JVM (this JVM's java binary and test class path), so that a test can
 * kill it with SIGKILL or run it beside an engine in this process. Its output goes to a log file:
 * a pipe nobody drains could block it.
 */
final class ChildCli {
    final Process process;
    final Path log;

    private ChildCli(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildCli start(Path home, Path log, String... args) throws IOException {
        return start(home, log, List.of("-Xmx512m"), args);
    }

    static ChildCli start(Path home, Path log, List<String> jvmArgs, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java binary for this JVM")));
        cmd.addAll(jvmArgs);
        cmd.add("-XX:TieredStopAtLevel=1"); // a quicker start; the trials' work is LightGBM's native code
        cmd.add("-XX:+UseSerialGC");
        String nativeDir = System.getProperty("hypercast.native.dir");
        if (nativeDir != null) {
            cmd.add("-Dhypercast.native.dir=" + nativeDir);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        env.put("HYPERCAST_HOME", home.toString());
        env.put("HYPERCAST_PROFILE", "reliability");
        Process p = pb.start();
        p.getOutputStream().close();
        return new ChildCli(p, log);
    }

    /** SIGKILL on Linux and macOS: no shutdown hook, no finally block, no last write. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child " + process.pid() + " did not die after SIGKILL");
        }
    }

    /** Waits for the exit code, killing the child if it takes longer than {@code seconds}. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("the child did not end within " + seconds + " s; its output:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
