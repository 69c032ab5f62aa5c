package io.hypercast.cli;

import io.hypercast.engine.Engine;
import io.hypercast.model.CronTiming;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Policy;
import io.hypercast.model.PolicyKind;
import io.hypercast.model.Project;
import io.hypercast.model.RelativeTiming;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "policy", mixinStandardHelpOptions = true, description = "Schedules of a deployed model: when to refit (model-fit) and when to forecast (ts-run).")
final class PolicyCommand {

    @Command(name = "add", description = "Add a policy: --type model-fit (fit window --start/--end relative to each firing, end <= 0) "
            + "or --type ts-run (forecast horizon --start/--end).")
    int add(@Mixin Common c,
            @Option(names = "--project", required = true, paramLabel = "P") String project,
            @Option(names = "--type", required = true, paramLabel = "model-fit|ts-run") String type,
            @Option(names = "--model", required = true, paramLabel = "MODEL") String model,
            @Option(names = "--schedule", required = true, paramLabel = "CRON", description = "UNIX cron, e.g. \"0 0 * * 1\".") String cron,
            @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC") String zone,
            @Option(names = "--start", required = true, paramLabel = "DURATION", description = "e.g. -P42D or PT0S.") String start,
            @Option(names = "--end", required = true, paramLabel = "DURATION", description = "e.g. PT0S or PT24H.") String end) {
        PolicyKind kind = switch (type.toLowerCase(Locale.ROOT)) {
            case "model-fit", "model_fit", "fit" -> PolicyKind.MODEL_FIT;
            case "ts-run", "ts_run", "run", "time-series-run" -> PolicyKind.TS_RUN;
            default -> throw new InvalidInputException("--type", "'" + type + "' is not model-fit or ts-run");
        };
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("--time-zone", "'" + zone + "' is not a time zone");
        }
        RelativeTiming s;
        RelativeTiming e;
        try {
            s = RelativeTiming.parse(start);
        } catch (InvalidInputException ex) {
            throw ex.within("--start");
        }
        try {
            e = RelativeTiming.parse(end);
        } catch (InvalidInputException ex) {
            throw ex.within("--end");
        }
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            Policy pol = engine.deployments().addPolicy(p.id(), kind, model, new CronTiming(cron, z), s, e);
            if (c.json) {
                c.printJson(json(engine, pol));
            } else {
                c.out().println(pol.id());
            }
            return Main.OK;
        }
    }

    @Command(name = "list", description = "List a project's policies.")
    int list(@Mixin Common c, @Option(names = "--project", required = true, paramLabel = "P") String project) {
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Policy pol : engine.deployments().policies(p.id())) {
                rows.add(json(engine, pol));
            }
            if (c.json) {
                c.printJson(Map.of("project", p.id().toString(), "policies", rows));
            } else {
                for (Map<String, Object> r : rows) {
                    c.out().printf("%s  %-9s %-16s %-14s %-16s [%s, %s)%n", r.get("uuid"), r.get("type"), r.get("model"), r.get("schedule"),
                            r.get("time_zone"), r.get("start"), r.get("end"));
                }
            }
            return Main.OK;
        }
    }

    static Map<String, Object> json(Engine engine, Policy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", p.id().toString());
        m.put("type", p.kind() == PolicyKind.MODEL_FIT ? "model-fit" : "ts-run");
        m.put("model", engine.nots().node(p.modelId()).name());
        m.put("schedule", p.schedule().expression());
        m.put("time_zone", p.schedule().timeZone().getId());
        m.put("start", io.hypercast.engine.spec.SpecJson.formatDuration(p.startTiming().offset()));
        m.put("end", io.hypercast.engine.spec.SpecJson.formatDuration(p.endTiming().offset()));
        return m;
    }
}
