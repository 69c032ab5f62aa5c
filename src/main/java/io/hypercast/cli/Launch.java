package io.hypercast.cli;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * `run` with --wait runs in this process. Without it, the run goes on in a detached child process
 * (trials run in-process, so some process must stay), logging to {@code HOME/logs/ID.log}; this
 * command returns once the run has passed its guardrails and started.
 */
final class Launch {
    private Launch() {
    }

    static int runOrDetach(Common c, ExperimentKind kind, String id, boolean wait, String timeoutText, boolean resume, ClusterArgs cluster) {
        Duration timeout = timeoutText == null ? null : Durations.parse(timeoutText, "--timeout");
        ClusterArgs onCluster = cluster != null && cluster.given() ? cluster : null;
        if (onCluster != null) {
            onCluster.submitter(); // refuse bad cluster options (exit 2) before anything starts
        }
        ExperimentOps ops = new ExperimentOps(c, kind);
        if (wait) {
            return ops.run(id, resume, timeout, false, onCluster);
        }
        Settings settings = c.settings();
        Experiment before;
        try (Engine engine = Engine.open(settings)) {
            before = engine.experiments().resolve(id);
        }
        // one log per launch: a refused second launch must not overwrite the log of the run that went on
        Path log = settings.home().resolve("logs").resolve(before.id() + "-" + System.currentTimeMillis() + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add(kind.name().toLowerCase(Locale.ROOT));
        cmd.add(resume ? "resume" : "run");
        cmd.add(before.id().toString());
        cmd.add("--wait");
        cmd.add("--db");
        cmd.add(settings.database().toAbsolutePath().toString());
        if (timeoutText != null) {
            cmd.add("--timeout");
            cmd.add(timeoutText);
        }
        if (onCluster != null) {
            cmd.addAll(onCluster.asArgs());
        }
        Process child;
        try {
            Files.createDirectories(log.getParent());
            child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            child.getOutputStream().close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the background run: " + e.getMessage(), e);
        }
        // wait until the child has either started the run or failed before starting it
        HpoState from = before.state();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Engine engine = Engine.open(settings)) {
            while (System.nanoTime() < until) {
                Experiment now = engine.experiments().get(before.id());
                if (now.state() != from) {
                    return report(c, now, log);
                }
                if (!child.isAlive()) {
                    c.err().print(readLog(log)); // its refusal (a guardrail, a state) is this command's answer
                    c.err().flush();
                    return child.exitValue();
                }
                try {
                    child.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        c.err().println("the background run has not started after 60 s; see " + log);
        return Main.FAILED;
    }

    private static int report(Common c, Experiment e, Path log) {
        if (c.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uuid", e.id().toString());
            m.put("state", e.state().name());
            m.put("log", log.toString());
            c.printJson(m);
        } else {
            c.out().println(e.id() + " " + e.state() + ": running in the background (log: " + log + ")");
            c.out().println("follow it with: hypercast " + e.kind().name().toLowerCase(Locale.ROOT) + " show " + e.id());
        }
        return Main.OK;
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
