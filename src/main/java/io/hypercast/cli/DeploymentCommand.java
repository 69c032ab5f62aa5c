package io.hypercast.cli;

import io.hypercast.engine.Deployments;
import io.hypercast.engine.Engine;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Deployment;
import io.hypercast.model.Forecast;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.PolicyRun;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deployment", mixinStandardHelpOptions = true, description = "List, stop and drive deployments.")
final class DeploymentCommand {

    @Command(name = "list", description = "List deployments (all, or of one project) with their runs.")
    int list(@Mixin Common c, @Option(names = "--project", paramLabel = "P") String project) {
        try (Engine engine = c.open()) {
            UUID pid = project == null ? null : engine.projects().resolve(project).id();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Deployment d : engine.deployments().list(pid)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("uuid", d.id().toString());
                m.put("project", d.projectId().toString());
                m.put("title", d.title());
                m.put("active", d.active());
                m.put("created", d.createdAt().toString());
                m.put("reason", d.reason());
                List<Map<String, Object>> runs = new ArrayList<>();
                for (PolicyRun r : engine.deployments().runs(d.id())) {
                    runs.add(runJson(r));
                }
                m.put("runs", runs);
                rows.add(m);
            }
            if (c.json) {
                c.printJson(Map.of("deployments", rows));
            } else {
                for (Map<String, Object> r : rows) {
                    c.out().printf("%s  %-8s %s  (%d runs)%n", r.get("uuid"), Boolean.TRUE.equals(r.get("active")) ? "active" : "inactive",
                            r.get("title"), ((List<?>) r.get("runs")).size());
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "deactivate", description = "Stop a deployment: nothing runs any more (the project stays frozen).")
    int deactivate(@Mixin Common c, @Parameters(paramLabel = "ID") String id) {
        try (Engine engine = c.open()) {
            UUID uuid = uuid(id);
            engine.deployments().deactivate(uuid);
            if (c.json) {
                c.printJson(Map.of("uuid", uuid.toString(), "active", false));
            } else {
                c.out().println("deactivated " + uuid);
            }
            return Main.OK;
        }
    }

    @Command(name = "run-due", description = "Run what is due now (each policy's latest firing not yet run) and exit; for a system scheduler.")
    int runDue(@Mixin Common c, @Option(names = "--now", paramLabel = "INSTANT", description = "Pretend it is this time (ISO-8601 with offset).") String now) {
        Instant t = now == null ? Instant.now() : SpecJson.parseInstant(now, "--now");
        try (Engine engine = c.open()) {
            List<Deployments.DueRun> done = engine.deployments().runDue(t);
            boolean failed = done.stream().anyMatch(d -> !"SUCCESS".equals(d.result().state()));
            if (c.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Deployments.DueRun d : done) {
                    Map<String, Object> m = runJson(d.result());
                    m.put("deployment", d.deploymentId().toString());
                    m.put("policy_type", d.policy().kind() == io.hypercast.model.PolicyKind.MODEL_FIT ? "model-fit" : "ts-run");
                    rows.add(m);
                }
                c.printJson(Map.of("now", t.toString(), "runs", rows));
            } else {
                if (done.isEmpty()) {
                    c.out().println("nothing due at " + t);
                }
                for (Deployments.DueRun d : done) {
                    PolicyRun r = d.result();
                    c.out().printf("%s %-9s at %s: %s%s%n", d.deploymentId(), d.policy().kind() == io.hypercast.model.PolicyKind.MODEL_FIT ? "model-fit" : "ts-run",
                            d.scheduled(), r.state(), r.error() == null ? (r.rows() == null ? "" : " (" + r.rows() + " rows)") : " - " + r.error());
                }
            }
            return failed ? Main.FAILED : Main.OK;
        }
    }

    @Command(name = "forecasts", description = "Print or export a deployment's stored forecasts (time, reference_time, fit_time, prediction).")
    int forecasts(@Mixin Common c, @Parameters(paramLabel = "ID") String id, @Option(names = "--csv", paramLabel = "FILE") Path csv) {
        try (Engine engine = c.open()) {
            List<Forecast> fs = engine.deployments().forecasts(uuid(id));
            if (csv != null) {
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    w.write("time,reference_time,fit_time,prediction\r\n");
                    for (Forecast f : fs) {
                        for (Forecast.Point p : f.points()) {
                            w.write(p.time() + "," + f.referenceTime() + "," + f.fitTime() + "," + p.value() + "\r\n");
                        }
                    }
                } catch (IOException e) {
                    throw new InvalidInputException("--csv", "cannot write " + csv + ": " + e.getMessage());
                }
            }
            if (c.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Forecast f : fs) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("reference_time", f.referenceTime().toString());
                    m.put("fit_time", f.fitTime().toString());
                    m.put("points", f.points().size());
                    m.put("first", f.points().isEmpty() ? null : f.points().get(0).time().toString());
                    m.put("last", f.points().isEmpty() ? null : f.points().get(f.points().size() - 1).time().toString());
                    rows.add(m);
                }
                c.printJson(Map.of("forecasts", rows));
            } else {
                for (Forecast f : fs) {
                    c.out().println("issued " + f.referenceTime() + " (fit " + f.fitTime() + "): " + f.points().size() + " values");
                }
            }
            return Main.OK;
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ID", "'" + s + "' is not a deployment uuid");
        }
    }

    private static Map<String, Object> runJson(PolicyRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", r.policyId().toString());
        m.put("scheduled", r.scheduledTime().toString());
        m.put("state", r.state());
        m.put("seconds", r.seconds());
        m.put("fit_time", r.fitTime() == null ? null : r.fitTime().toString());
        m.put("rows", r.rows());
        m.put("error", r.error());
        return m;
    }
}
