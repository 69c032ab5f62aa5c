package io.hypercast.cli;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.models.HyperparameterSpec;
import io.hypercast.engine.models.ModelKind;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.model.Node;
import io.hypercast.model.ParamValues;
import io.hypercast.model.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "model", mixinStandardHelpOptions = true, description = "Read and set a model's hyperparameters.")
final class ModelCommand {

    @Command(name = "set-params", description = "Set hyperparameters: model set-params MODEL name=value ... (refused once the project is frozen).")
    int setParams(@Mixin Common c, @Option(names = "--project", required = true, paramLabel = "P") String project,
                  @Parameters(index = "0", paramLabel = "MODEL") String model,
                  @Parameters(index = "1..*", paramLabel = "name=value", arity = "1..*") List<String> values) {
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            Node m = engine.nots().model(p.id(), model);
            engine.nots().setModelParameters(p.id(), m.id(), Settings2Map.parse(values, "name=value"));
            return print(c, engine.nots().node(m.id()));
        }
    }

    @Command(name = "show", description = "Show every hyperparameter: its value, default and description.")
    int show(@Mixin Common c, @Option(names = "--project", required = true, paramLabel = "P") String project,
             @Parameters(paramLabel = "MODEL") String model) {
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            return print(c, engine.nots().model(p.id(), model));
        }
    }

    private static int print(Common c, Node m) {
        ModelKind kind = ModelKinds.get(m.type());
        Map<String, Object> set = Nots.parameters(m);
        Map<String, Object> resolved = kind.resolve(set, "parameters");
        if (c.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("uuid", m.id().toString());
            out.put("name", m.name());
            out.put("kind", m.type());
            out.put("parameters", resolved);
            out.put("set", set);
            c.printJson(out);
        } else {
            c.out().println(m.name() + " (" + m.type() + ")");
            for (HyperparameterSpec h : kind.hyperparameters()) {
                Object v = resolved.get(h.name());
                c.out().printf("  %-24s %-22s %s%n", h.name(), ParamValues.display(v) + (set.containsKey(h.name()) ? "" : " (default)"), h.description());
            }
        }
        return Main.OK;
    }
}
