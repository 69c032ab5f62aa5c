package io.hypercast.cli;

import io.hypercast.engine.Engine;
import io.hypercast.model.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "project", description = "Create and list projects.", mixinStandardHelpOptions = true)
final class ProjectCommand {

    @Command(name = "create", description = "Create an empty project; prints its uuid.")
    int create(@Mixin Common c,
               @Option(names = "--title", required = true, paramLabel = "T") String title,
               @Option(names = "--description", paramLabel = "TEXT") String description) {
        try (Engine engine = c.open()) {
            Project p = engine.projects().create(title, description);
            if (c.json) {
                c.printJson(Map.of("uuid", p.id().toString(), "title", p.title()));
            } else {
                c.out().println(p.id());
            }
            return Main.OK;
        }
    }

    @Command(name = "copy", description = "Copy a project: same NoTS, data, hyperparameters and policies; none of the runs; not frozen. "
            + "--from-trial HPO:N sets that trial's parameter values on the copy's model.")
    int copy(@Mixin Common c,
             @picocli.CommandLine.Parameters(paramLabel = "P") String project,
             @Option(names = "--from-trial", paramLabel = "HPO:N") String fromTrial,
             @Option(names = "--title", paramLabel = "T") String title) {
        try (Engine engine = c.open()) {
            Project src = engine.projects().resolve(project);
            Project copy;
            if (fromTrial != null) {
                int colon = fromTrial.lastIndexOf(':');
                if (colon <= 0) {
                    throw new io.hypercast.model.InvalidInputException("--from-trial", "'" + fromTrial + "' is not HPO:N (an HPO uuid and a trial number)");
                }
                var hpo = engine.experiments().resolve(fromTrial.substring(0, colon));
                if (!hpo.projectId().equals(src.id())) {
                    throw new io.hypercast.model.InvalidInputException("--from-trial", "HPO " + hpo.id() + " is not in project '" + src.title() + "'");
                }
                int n;
                try {
                    n = Integer.parseInt(fromTrial.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new io.hypercast.model.InvalidInputException("--from-trial", "'" + fromTrial.substring(colon + 1) + "' is not a trial number");
                }
                copy = engine.projects().copyWithTrial(hpo.id(), n, title);
            } else {
                copy = engine.projects().copy(src.id(), title, null, null);
            }
            if (c.json) {
                c.printJson(Map.of("uuid", copy.id().toString(), "title", copy.title()));
            } else {
                c.out().println(copy.id());
            }
            return Main.OK;
        }
    }

    @Command(name = "list", description = "List projects.")
    int list(@Mixin Common c) {
        try (Engine engine = c.open()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Project p : engine.projects().list()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("uuid", p.id().toString());
                m.put("title", p.title());
                m.put("creator", p.creator());
                m.put("created", p.createdAt().toString());
                m.put("frozen", engine.projects().frozen(p.id()));
                rows.add(m);
            }
            if (c.json) {
                c.printJson(Map.of("projects", rows));
            } else {
                for (Map<String, Object> r : rows) {
                    c.out().printf("%s  %s%s%n", r.get("uuid"), r.get("title"), Boolean.TRUE.equals(r.get("frozen")) ? "  (frozen)" : "");
                }
            }
            return Main.OK;
        }
    }
}
