package io.hypercast.cli;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import io.hypercast.model.ExperimentKind;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Create the built-in demo project (UK half-hourly demand, a LightGBM model) and a DRAFT HPO; a second call reuses the project.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--run", description = "Then run the demo HPO here and print its result (as 'hpo run ID --wait' does).")
    boolean run;

    @Override
    public Integer call() {
        if (run) {
            String id;
            try (Engine engine = common.open()) {
                id = Demo.ensureWithDraft(engine).hpo().id().toString();
            }
            return new ExperimentOps(common, ExperimentKind.HPO).run(id, false, null, false, null) == Main.OK
                    ? new ExperimentOps(common, ExperimentKind.HPO).result(id, null, null, null) : Main.FAILED;
        }
        try (Engine engine = common.open()) {
            Demo.Created d = Demo.ensureWithDraft(engine);
            if (common.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("project", d.project().id().toString());
                m.put("model", d.model().id().toString());
                m.put("hpo", d.hpo().id().toString());
                common.printJson(m);
            } else {
                common.out().println("project " + d.project().id() + "  " + d.project().title() + (d.reused() ? "  (existing)" : "  (created)"));
                common.out().println("model   " + d.model().id() + "  " + d.model().name());
                common.out().println("hpo     " + d.hpo().id() + "  " + d.hpo().title() + "  (" + d.hpo().state() + ")");
                common.out().println();
                common.out().println("Run it:  hypercast hpo run " + d.hpo().id() + " --wait");
            }
            return Main.OK;
        }
    }
}
