package io.hypercast.engine;

import io.hypercast.engine.backtest.ModelInputs;
import io.hypercast.engine.data.CsvImport;
import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.data.CsvImporter;
import io.hypercast.engine.data.Series;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.engine.nots.NotsEvaluator;
import io.hypercast.engine.nots.NotsSnapshot;
import io.hypercast.engine.store.DeploymentRepository;
import io.hypercast.engine.store.NotsRepository;
import io.hypercast.engine.store.NotsRepository.StoredSeries;
import io.hypercast.engine.store.ProjectRepository;
import io.hypercast.model.Edge;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import io.hypercast.model.NotFoundException;
import io.hypercast.model.Project;
import io.hypercast.model.ProjectFrozenException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's Network of Time Series: nodes, edges, imported data. Every edit checks, inside its
 * own write transaction, that no deployment has frozen the project.
 */
public final class Nots {
    private final Engine engine;
    private final NotsRepository repo = new NotsRepository();
    private final ProjectRepository projects = new ProjectRepository();
    private final DeploymentRepository deployments = new DeploymentRepository();

    Nots(Engine engine) {
        this.engine = engine;
    }

    /** What an import stored: the source node, one time series per column, and the report. */
    public record Imported(Node source, List<Node> timeSeries, CsvImport data) {
    }

    public Imported importCsv(UUID projectId, Path csv, CsvImportOptions options, String sourceName) {
        CsvImport data;
        try {
            data = CsvImporter.importFile(csv, options);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(csv.toString(), "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(csv.toString(), "cannot read: " + e.getMessage());
        }
        return importData(projectId, data, csv.getFileName().toString(), options,
                sourceName != null && !sourceName.isBlank() ? sourceName : baseName(csv));
    }

    /** Stores parsed CSV data as a CsvObservations source with one time series per column, in one transaction. */
    public Imported importData(UUID projectId, CsvImport data, String fileName, CsvImportOptions options, String name) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("file", fileName);
        settings.put("period", data.period().toString());
        settings.put("columns", new ArrayList<>(data.series().keySet()));
        if (options.timeZone() != null) {
            settings.put("time_zone", options.timeZone().getId());
        }
        Node source = new Node(UUID.randomUUID(), projectId, name, NodeKind.SOURCE, NodeTypes.CSV_OBSERVATIONS, settings);
        List<Node> series = new ArrayList<>();
        editWrite(projectId, c -> {
            requireFreeName(c, projectId, name);
            repo.insertNode(c, source);
            for (Map.Entry<String, Series> col : data.series().entrySet()) {
                Series s = col.getValue();
                repo.putSeries(c, source.id(), col.getKey(), new StoredSeries(s.start(), s.periodSeconds(), s.values()));
                String tsName = uniqueName(c, projectId, col.getKey());
                Node ts = new Node(UUID.randomUUID(), projectId, tsName, NodeKind.TIME_SERIES, NodeTypes.TIME_SERIES,
                        Map.of("period", data.period().toString()));
                repo.insertNode(c, ts);
                repo.insertEdge(c, projectId, new Edge(source.id(), col.getKey(), ts.id(), "", 0));
                series.add(ts);
            }
            return null;
        });
        return new Imported(source, List.copyOf(series), data);
    }

    /** What an append did: rows added per column, and the stored values it replaced (with confirmation). */
    public record Appended(Node source, int added, int replaced, List<String> conflicts, CsvImport data) {
    }

    /**
     * Appends newer rows to an imported source, keeping the data it has. A row that contradicts a
     * stored value is refused (the message lists the first ones) unless {@code replaceConflicts}.
     * Allowed on a frozen project: new observations are what a deployment forecasts from; the
     * network itself does not change.
     */
    public Appended appendCsv(UUID projectId, String sourceRef, Path csv, CsvImportOptions options, boolean replaceConflicts) {
        Node source = resolve(projectId, sourceRef);
        if (!NodeTypes.CSV_OBSERVATIONS.equals(source.type())) {
            throw new InvalidInputException("--source", "'" + source.name() + "' is a " + source.type() + ", not an imported CSV source");
        }
        String firstColumn = columnsOf(source).stream().findFirst().orElseThrow(() -> new InvalidInputException("--source", "has no data"));
        StoredSeries grid = engine.store().read(c -> repo.series(c, source.id(), firstColumn))
                .orElseThrow(() -> new InvalidInputException("--source", "'" + source.name() + "' has no stored data"));
        CsvImport data;
        try {
            data = CsvImporter.importFile(csv, options.onGrid(Duration.ofSeconds(grid.periodSeconds()), grid.startSeconds()));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(csv.toString(), "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(csv.toString(), "cannot read: " + e.getMessage());
        }
        return engine.store().write(c -> {
            int added = 0;
            int replaced = 0;
            List<String> conflicts = new ArrayList<>();
            Map<String, StoredSeries> merged = new LinkedHashMap<>();
            for (Map.Entry<String, Series> col : data.series().entrySet()) {
                StoredSeries old = repo.series(c, source.id(), col.getKey()).orElseThrow(() -> new InvalidInputException(csv.toString(),
                        "column '" + col.getKey() + "' is not a column of source '" + source.name() + "' (its columns: " + source.settings().get("columns") + ")"));
                Series add = col.getValue();
                if (add.periodSeconds() != old.periodSeconds() || Math.floorMod(add.start() - old.startSeconds(), old.periodSeconds()) != 0) {
                    throw new InvalidInputException(csv.toString(), "the rows are on a " + Duration.ofSeconds(add.periodSeconds())
                            + " grid that does not match the source's " + Duration.ofSeconds(old.periodSeconds()) + " grid");
                }
                long p = old.periodSeconds();
                long start = Math.min(old.startSeconds(), add.start());
                long end = Math.max(old.startSeconds() + p * old.values().length, add.end());
                double[] v = new double[(int) ((end - start) / p)];
                java.util.Arrays.fill(v, Double.NaN);
                System.arraycopy(old.values(), 0, v, (int) ((old.startSeconds() - start) / p), old.values().length);
                for (int i = 0; i < add.size(); i++) {
                    double nv = add.value(i);
                    if (Double.isNaN(nv)) {
                        continue;
                    }
                    int k = (int) ((add.timeAt(i) - start) / p);
                    double ov = v[k];
                    if (Double.isNaN(ov)) {
                        added++;
                    } else if (ov != nv) {
                        replaced++;
                        if (conflicts.size() < 10) {
                            conflicts.add(col.getKey() + " at " + java.time.Instant.ofEpochSecond(add.timeAt(i)) + ": stored " + ov + ", new " + nv);
                        }
                    }
                    v[k] = nv;
                }
                merged.put(col.getKey(), new StoredSeries(start, p, v));
            }
            if (replaced > 0 && !replaceConflicts) {
                throw new InvalidInputException(csv.toString(), replaced + " row(s) contradict stored values, e.g. " + String.join("; ", conflicts)
                        + "; nothing was stored (confirm with --replace-conflicts to overwrite them)");
            }
            for (Map.Entry<String, StoredSeries> m : merged.entrySet()) {
                repo.putSeries(c, source.id(), m.getKey(), m.getValue());
            }
            return new Appended(source, added, replaced, List.copyOf(conflicts), data);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> columnsOf(Node source) {
        Object cols = source.settings().get("columns");
        return cols instanceof List<?> l ? (List<String>) l : List.of();
    }

    private static String baseName(Path csv) {
        String f = csv.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    /** An input of a new node: {@code fromPort} of node {@code from} into the new node's {@code toPort}. */
    public record Input(UUID from, String fromPort, String toPort) {
    }

    /** Adds a node of a type (its kind follows from the type) after checking its settings. */
    public Node addNode(UUID projectId, String name, String type, Map<String, Object> settings) {
        return addNode(projectId, name, type, settings, List.of());
    }

    /** Adds a node and its inputs in one transaction: all of it is stored, or nothing. */
    public Node addNode(UUID projectId, String name, String type, Map<String, Object> settings, List<Input> inputs) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "a node needs a name");
        }
        NodeKind kind = kindOf(type);
        Map<String, Object> s = new LinkedHashMap<>(settings == null ? Map.of() : settings);
        if (kind == NodeKind.MODEL) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) s.getOrDefault("parameters", Map.of());
            ModelKinds.get(type).resolve(params, "parameters"); // refuse unknown names and bad values now
            s.put("parameters", new LinkedHashMap<>(params));
        }
        Node node = new Node(UUID.randomUUID(), projectId, name.strip(), kind, type, s);
        editWrite(projectId, c -> {
            requireFreeName(c, projectId, node.name());
            repo.insertNode(c, node);
            int position = 0;
            for (Input in : inputs) {
                Node from = repo.node(c, in.from()).orElseThrow(() -> new NotFoundException("from", "node", in.from().toString()));
                if (!from.projectId().equals(projectId)) {
                    throw new InvalidInputException("from", "'" + from.name() + "' belongs to another project");
                }
                repo.insertEdge(c, projectId, new Edge(in.from(), in.fromPort(), node.id(), in.toPort(), position++));
            }
            return null;
        });
        return node;
    }

    public static NodeKind kindOf(String type) {
        return switch (type == null ? "" : type) {
            case NodeTypes.CSV_OBSERVATIONS, NodeTypes.TIME_TRENDS -> NodeKind.SOURCE;
            case NodeTypes.RESAMPLING, NodeTypes.FILL_NA, NodeTypes.TIME_TRANSFORMATIONS -> NodeKind.OPERATION;
            case NodeTypes.TIME_SERIES -> NodeKind.TIME_SERIES;
            case NodeTypes.LIGHTGBM -> NodeKind.MODEL;
            default -> throw new InvalidInputException("type", "'" + type + "' is not a node type (CsvObservations, TimeTrends, "
                    + "Resampling, FillNA, TimeTransformations, TimeSeries, LightGBM)");
        };
    }

    public void connect(UUID projectId, UUID from, String fromPort, UUID to, String toPort) {
        editWrite(projectId, c -> {
            Node a = repo.node(c, from).orElseThrow(() -> new NotFoundException("from", "node", from.toString()));
            Node b = repo.node(c, to).orElseThrow(() -> new NotFoundException("to", "node", to.toString()));
            if (!a.projectId().equals(projectId) || !b.projectId().equals(projectId)) {
                throw new InvalidInputException("edge", "both nodes must belong to the project");
            }
            int position = (int) repo.edges(c, projectId).stream().filter(e -> e.toNode().equals(to)).count();
            repo.insertEdge(c, projectId, new Edge(from, fromPort, to, toPort, position));
            return null;
        });
    }

    public void setModelParameters(UUID projectId, UUID modelId, Map<String, Object> values) {
        Node model = node(modelId);
        if (model.kind() != NodeKind.MODEL) {
            throw new InvalidInputException("model", "'" + model.name() + "' is not a model");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = new LinkedHashMap<>((Map<String, Object>) model.settings().getOrDefault("parameters", Map.of()));
        params.putAll(values);
        ModelKinds.get(model.type()).resolve(params, "parameters");
        Map<String, Object> settings = new LinkedHashMap<>(model.settings());
        settings.put("parameters", params);
        editWrite(projectId, c -> {
            repo.updateSettings(c, modelId, settings);
            return null;
        });
    }

    /** Deletes a node; refused (with the dependants' names) while other nodes or policies read it. */
    public void deleteNode(UUID projectId, UUID nodeId) {
        editWrite(projectId, c -> {
            Node n = repo.node(c, nodeId).orElseThrow(() -> new NotFoundException("node", "node", nodeId.toString()));
            if (!n.projectId().equals(projectId)) {
                throw new InvalidInputException("node", "'" + n.name() + "' belongs to another project");
            }
            List<String> dependants = new ArrayList<>();
            for (Edge e : repo.edges(c, projectId)) {
                if (e.fromNode().equals(nodeId)) {
                    repo.node(c, e.toNode()).ifPresent(d -> dependants.add(d.name()));
                }
            }
            if (!dependants.isEmpty()) {
                throw new InvalidInputException("node " + n.name(), "cannot be deleted: " + String.join(", ", dependants.stream().distinct().toList())
                        + (dependants.size() == 1 ? " depends" : " depend") + " on it; delete or rewire " + (dependants.size() == 1 ? "it" : "them") + " first");
            }
            repo.deleteNode(c, nodeId);
            return null;
        });
    }

    /** A node of the project by name or uuid. */
    public Node resolve(UUID projectId, String ref) {
        Optional<UUID> id = Ids.parse(ref == null ? "" : ref);
        for (Node n : nodes(projectId)) {
            if (id.isPresent() && n.id().equals(id.get()) || n.name().equals(ref == null ? null : ref.strip())) {
                return n;
            }
        }
        throw new NotFoundException("node", "node in this project named", ref);
    }

    public List<Node> nodes(UUID projectId) {
        return engine.store().read(c -> repo.nodes(c, projectId));
    }

    public List<Edge> edges(UUID projectId) {
        return engine.store().read(c -> repo.edges(c, projectId));
    }

    public Node node(UUID id) {
        return engine.store().read(c -> repo.node(c, id)).orElseThrow(() -> new NotFoundException("node", "node", id.toString()));
    }

    /** A model of the project by name or uuid. */
    public Node model(UUID projectId, String ref) {
        if (ref == null || ref.isBlank()) {
            throw new InvalidInputException("model", "is required");
        }
        List<Node> models = nodes(projectId).stream().filter(n -> n.kind() == NodeKind.MODEL).toList();
        Optional<UUID> id = Ids.parse(ref);
        for (Node m : models) {
            if (id.isPresent() && m.id().equals(id.get()) || m.name().equals(ref.strip())) {
                return m;
            }
        }
        throw new InvalidInputException("model", "no model '" + ref + "' in this project"
                + (models.isEmpty() ? " (it has no model yet)" : "; its models: " + String.join(", ", models.stream().map(Node::name).toList())));
    }

    /** The model's hyperparameters as the user set them (not yet filled with defaults). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parameters(Node model) {
        return new LinkedHashMap<>((Map<String, Object>) model.settings().getOrDefault("parameters", Map.of()));
    }

    public NotsSnapshot snapshot(UUID projectId) {
        return engine.store().read(c -> {
            List<Node> nodes = repo.nodes(c, projectId);
            List<Edge> edges = repo.edges(c, projectId);
            Map<String, StoredSeries> data = new HashMap<>();
            for (Edge e : edges) {
                Optional<StoredSeries> s = repo.series(c, e.fromNode(), e.fromPort());
                s.ifPresent(v -> data.put(NotsSnapshot.key(e.fromNode(), e.fromPort()), v));
            }
            return new NotsSnapshot(nodes, edges, data);
        });
    }

    public ModelInputs modelInputs(UUID projectId, Node model) {
        return new NotsEvaluator(snapshot(projectId)).modelInputs(model);
    }

    interface Edit<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T editWrite(UUID projectId, Edit<T> edit) {
        return engine.store().write(c -> {
            Project p = projects.get(c, projectId).orElseThrow(() -> new NotFoundException("project", "project", projectId.toString()));
            if (!deployments.forProject(c, projectId).isEmpty()) {
                throw new ProjectFrozenException(p.title(), "it has a deployment: running an HPO or a backtest freezes the NoTS");
            }
            return edit.run(c);
        });
    }

    private void requireFreeName(Connection c, UUID projectId, String name) throws SQLException {
        if (repo.nodes(c, projectId).stream().anyMatch(n -> n.name().equals(name))) {
            throw new InvalidInputException("name", "the project already has a node named '" + name + "'");
        }
    }

    /** {@code base}, or base_2, base_3, ... : the first name no node of the project has. */
    private String uniqueName(Connection c, UUID projectId, String base) throws SQLException {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Node n : repo.nodes(c, projectId)) {
            taken.add(n.name());
        }
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    static Duration parseDuration(String s, String where) {
        try {
            return Duration.parse(s);
        } catch (RuntimeException e) {
            throw new InvalidInputException(where, "'" + s + "' is not an ISO-8601 duration such as PT24H");
        }
    }
}
