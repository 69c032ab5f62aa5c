package io.hypercast.cli;

import io.hypercast.engine.Engine;
import io.hypercast.model.Deployment;
import io.hypercast.model.Project;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deploy", description = "Deploy a project: its policies run on schedule (while the app runs, or with 'deployment run-due'). The NoTS freezes.")
final class DeployCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "P", description = "Project uuid or title.")
    String project;

    @Option(names = "--title", required = true, paramLabel = "T")
    String title;

    @Override
    public Integer call() {
        try (Engine engine = common.open()) {
            Project p = engine.projects().resolve(project);
            Deployment d = engine.deployments().deploy(p.id(), title);
            if (common.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("uuid", d.id().toString());
                m.put("project", p.id().toString());
                m.put("title", d.title());
                m.put("active", d.active());
                m.put("activated", d.createdAt().toString());
                common.printJson(m);
            } else {
                common.out().println(d.id());
            }
            return Main.OK;
        }
    }
}
