package io.hypercast.cli;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.model.Edge;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import io.hypercast.model.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "node", mixinStandardHelpOptions = true, description = {
    "Build a project's Network of Time Series.",
    "Types and their settings:",
    "  TimeTrends           time_zone=Europe/London        (outputs hour_of_day, half_hour_of_day, day_of_week, day_of_year, month, weekend)",
    "  TimeTransformations  shift=PT24H                    (a lag; --from a time series)",
    "  Resampling           period=PT1H aggregation=mean   (mean, sum, min, max, last; --from a time series)",
    "  FillNA               method=forward value=0         (constant, forward, linear; --from a time series)",
    "  TimeSeries           period=PT30M                   (--from a source column SOURCE:column, an operation, or calendar:feature)",
    "  LightGBM             num_boost_round=200 ...        (--features a,b,c --target y)"})
final class NodeCommand {

    @Command(name = "add", description = "Add a node (refused once a run or a deployment froze the project).")
    int add(@Mixin Common c,
            @Option(names = "--project", required = true, paramLabel = "P") String project,
            @Option(names = "--type", required = true, paramLabel = "TYPE") String type,
            @Option(names = "--name", required = true, paramLabel = "NAME") String name,
            @Option(names = "--set", paramLabel = "k=v", description = "A setting (for a model: a hyperparameter); repeatable.") List<String> settings,
            @Option(names = "--from", paramLabel = "NODE[:port]", split = ",", description = "Inputs: what feeds this node.") List<String> from,
            @Option(names = "--features", paramLabel = "a,b", split = ",", description = "A model's feature time series.") List<String> features,
            @Option(names = "--target", paramLabel = "Y", description = "A model's target time series.") String target) {
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            Nots nots = engine.nots();
            Map<String, Object> s = Settings2Map.parse(settings, "--set");
            boolean model = NodeTypes.LIGHTGBM.equals(type);
            Map<String, Object> nodeSettings = model ? new LinkedHashMap<>(Map.of("parameters", s)) : s;
            // resolve inputs first, so that a typo refuses the command before anything is stored
            List<Node> inputs = new ArrayList<>();
            List<String> ports = new ArrayList<>();
            for (String f : from == null ? List.<String>of() : from) {
                int colon = f.lastIndexOf(':');
                String ref = colon > 0 ? f.substring(0, colon) : f;
                inputs.add(nots.resolve(p.id(), ref));
                ports.add(colon > 0 ? f.substring(colon + 1) : "");
            }
            List<Node> feats = new ArrayList<>();
            for (String f : features == null ? List.<String>of() : features) {
                feats.add(nots.resolve(p.id(), f));
            }
            Node tgt = target == null ? null : nots.resolve(p.id(), target);
            if (!model && (!feats.isEmpty() || tgt != null)) {
                throw new InvalidInputException("--features", "only a model takes --features and --target");
            }
            List<Nots.Input> edges = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                edges.add(new Nots.Input(inputs.get(i).id(), ports.get(i), ""));
            }
            for (Node f : feats) {
                edges.add(new Nots.Input(f.id(), "", NodeTypes.FEATURES));
            }
            if (tgt != null) {
                edges.add(new Nots.Input(tgt.id(), "", NodeTypes.TARGETS));
            }
            Node n = nots.addNode(p.id(), name, type, nodeSettings, edges);
            if (c.json) {
                c.printJson(Map.of("uuid", n.id().toString(), "name", n.name(), "type", n.type()));
            } else {
                c.out().println(n.id());
            }
            return Main.OK;
        }
    }

    @Command(name = "list", description = "List a project's nodes and what feeds them.")
    int list(@Mixin Common c, @Option(names = "--project", required = true, paramLabel = "P") String project) {
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            List<Node> nodes = engine.nots().nodes(p.id());
            List<Edge> edges = engine.nots().edges(p.id());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Node n : nodes) {
                rows.add(describe(n, nodes, edges));
            }
            if (c.json) {
                c.printJson(Map.of("project", p.id().toString(), "frozen", engine.projects().frozen(p.id()), "nodes", rows));
            } else {
                if (engine.projects().frozen(p.id())) {
                    c.out().println("(frozen: a run or a deployment froze this NoTS; copy the project to change it)");
                }
                for (Map<String, Object> r : rows) {
                    c.out().printf("%-12s %-20s %-24s %s%s%n", r.get("kind"), r.get("type"), r.get("name"), r.get("settings"),
                            ((List<?>) r.get("inputs")).isEmpty() ? "" : "  <- " + String.join(", ", (List<String>) r.get("inputs")));
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "show", description = "Show one node.")
    int show(@Mixin Common c, @Option(names = "--project", required = true, paramLabel = "P") String project,
             @Parameters(paramLabel = "NODE") String node) {
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            Node n = engine.nots().resolve(p.id(), node);
            Map<String, Object> m = describe(n, engine.nots().nodes(p.id()), engine.nots().edges(p.id()));
            if (c.json) {
                c.printJson(m);
            } else {
                m.forEach((k, v) -> c.out().println(k + ": " + v));
            }
            return Main.OK;
        }
    }

    @Command(name = "delete", description = "Delete a node; refused while other nodes depend on it.")
    int delete(@Mixin Common c, @Option(names = "--project", required = true, paramLabel = "P") String project,
               @Parameters(paramLabel = "NODE") String node) {
        try (Engine engine = c.open()) {
            Project p = engine.projects().resolve(project);
            Node n = engine.nots().resolve(p.id(), node);
            engine.nots().deleteNode(p.id(), n.id());
            if (c.json) {
                c.printJson(Map.of("deleted", n.id().toString()));
            } else {
                c.out().println("deleted " + n.name());
            }
            return Main.OK;
        }
    }

    private static Map<String, Object> describe(Node n, List<Node> nodes, List<Edge> edges) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", n.id().toString());
        m.put("name", n.name());
        m.put("kind", n.kind().name());
        m.put("type", n.type());
        m.put("settings", n.settings());
        List<String> in = new ArrayList<>();
        for (Edge e : edges) {
            if (e.toNode().equals(n.id())) {
                String from = nodes.stream().filter(x -> x.id().equals(e.fromNode())).map(Node::name).findFirst().orElse("?");
                in.add((e.toPort().isEmpty() ? "" : e.toPort() + ": ") + from + (e.fromPort().isEmpty() ? "" : ":" + e.fromPort()));
            }
        }
        m.put("inputs", in);
        return m;
    }
}
