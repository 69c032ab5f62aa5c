package io.hypercast.ui.deployments;

import io.hypercast.engine.data.Series;
import io.hypercast.model.CronTiming;
import io.hypercast.model.Deployment;
import io.hypercast.model.Forecast;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import io.hypercast.model.Policy;
import io.hypercast.model.PolicyKind;
import io.hypercast.model.PolicyRun;
import io.hypercast.model.Project;
import io.hypercast.model.RelativeTiming;
import io.hypercast.ui.common.AppContext;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A project's Deployments page: its policies (added and deleted while the project is not frozen),
 * its deployments, and for the selected deployment its runs, its latest forecast against the
 * observations, and the forecasts' CSV export. Reads and writes run in the background.
 */
public final class DeploymentsViewModel {
    /** A policy with its model's name, for the table. */
    public record PolicyRow(Policy policy, String model) {
        public String kind() {
            return label(policy.kind());
        }
    }

    /** A run with the policy it ran, in words. */
    public record RunRow(PolicyRun run, String policy) {
    }

    /** The latest forecast of a deployment and the observed target around it. */
    public record Latest(Forecast forecast, List<Instant> times, List<Double> observed, String target) {
    }

    private final AppContext app;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final ObservableList<PolicyRow> policies = FXCollections.observableArrayList();
    private final ObservableList<Deployment> deployments = FXCollections.observableArrayList();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObjectProperty<Deployment> selected = new SimpleObjectProperty<>();
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Latest> latest = new SimpleObjectProperty<>();
    private final StringProperty frozenReason = new SimpleStringProperty("");

    private record Snapshot(Project project, List<PolicyRow> policies, List<Deployment> deployments, List<String> models) {
    }

    private record Detail(List<RunRow> runs, Latest latest) {
    }

    public DeploymentsViewModel(AppContext app) {
        this.app = app;
        selected.addListener((o, a, d) -> loadDetail(d));
    }

    static String label(PolicyKind k) {
        return k == PolicyKind.MODEL_FIT ? "Model Fit Policy" : "Time Series Run Policy";
    }

    public void show(UUID projectId) {
        app.tasks().submit(() -> {
            var e = app.engine();
            Map<UUID, String> names = new HashMap<>();
            List<String> ms = new ArrayList<>();
            for (Node n : e.nots().nodes(projectId)) {
                names.put(n.id(), n.name());
                if (n.kind() == NodeKind.MODEL) {
                    ms.add(n.name());
                }
            }
            List<PolicyRow> ps = e.deployments().policies(projectId).stream().map(p -> new PolicyRow(p, names.getOrDefault(p.modelId(), "?"))).toList();
            return new Snapshot(e.projects().get(projectId), ps, e.deployments().list(projectId), ms);
        }, s -> {
            UUID keep = selected.get() == null ? null : selected.get().id();
            project.set(s.project());
            policies.setAll(s.policies());
            if (!models.equals(s.models())) {
                models.setAll(s.models()); // replacing equal names would clear the model chosen in the policy form
            }
            List<Deployment> real = s.deployments().stream().filter(d -> d.active() || d.reason().startsWith("deployed")).toList();
            deployments.setAll(real);
            frozenReason.set(s.deployments().isEmpty() ? "" : "The project is frozen: its policies can no longer change. Copy the project to change them.");
            Deployment again = real.stream().filter(d -> d.id().equals(keep)).findFirst()
                    .orElse(real.stream().filter(Deployment::active).findFirst().orElse(real.isEmpty() ? null : real.get(0)));
            // an equal deployment fires no change: reload its detail here; a changed one is loaded by the listener
            boolean same = java.util.Objects.equals(again, selected.get());
            selected.set(again);
            if (same && again != null) {
                loadDetail(again);
            }
        }, this::fail);
    }

    public void refresh() {
        if (project.get() != null) {
            show(project.get().id());
        }
    }

    private void loadDetail(Deployment d) {
        if (d == null) {
            runs.clear();
            latest.set(null);
            return;
        }
        app.tasks().submit(() -> detail(d), x -> {
            if (selected.get() != null && selected.get().id().equals(d.id())) {
                runs.setAll(x.runs());
                latest.set(x.latest());
            }
        }, this::fail);
    }

    private Detail detail(Deployment d) {
        var e = app.engine();
        Map<UUID, String> labels = new HashMap<>();
        for (Policy p : e.deployments().policies(d.projectId())) {
            labels.put(p.id(), label(p.kind()) + " · " + e.nots().node(p.modelId()).name());
        }
        List<RunRow> rs = new ArrayList<>(e.deployments().runs(d.id()).stream().map(r -> new RunRow(r, labels.getOrDefault(r.policyId(), "?"))).toList());
        rs.sort((a, b) -> b.run().scheduledTime().compareTo(a.run().scheduledTime()));
        List<Forecast> fs = e.deployments().forecasts(d.id());
        if (fs.isEmpty()) {
            return new Detail(rs, null);
        }
        Forecast f = fs.stream().max((a, b) -> a.referenceTime().compareTo(b.referenceTime())).orElseThrow();
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        String target = "";
        try {
            Node model = e.nots().node(f.modelId());
            var inputs = e.nots().modelInputs(d.projectId(), model);
            target = inputs.targetName();
            Series s = inputs.target();
            long from = f.referenceTime().getEpochSecond() - 7 * 86_400L;
            long to = f.points().isEmpty() ? f.referenceTime().getEpochSecond() : f.points().get(f.points().size() - 1).time().getEpochSecond();
            for (int i = 0; i < s.size(); i++) {
                long t = s.timeAt(i);
                if (t >= from && t <= to && !Double.isNaN(s.value(i))) {
                    times.add(Instant.ofEpochSecond(t));
                    values.add(s.value(i));
                }
            }
        } catch (RuntimeException ex) {
            target = "observations unavailable: " + AppContext.message(ex);
        }
        return new Detail(rs, new Latest(f, times, values, target));
    }

    /** Adds a policy; the timings are ISO-8601 durations relative to each firing (e.g. -P28D, PT0S, PT24H). */
    public void addPolicy(PolicyKind kind, String model, String cron, String zone, String start, String end, Runnable done) {
        UUID id = project.get().id();
        app.tasks().submit(() -> {
            ZoneId z;
            try {
                z = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
            } catch (RuntimeException ex) {
                throw new InvalidInputException("time zone", "'" + zone + "' is not a time zone such as Europe/London");
            }
            return app.engine().deployments().addPolicy(id, kind, model, new CronTiming(cron == null ? "" : cron.strip(), z),
                    RelativeTiming.parse(start.strip()), RelativeTiming.parse(end.strip()));
        }, p -> {
            refresh();
            if (done != null) {
                done.run();
            }
        }, t -> app.dialogs().error("Policy refused", AppContext.message(t)));
    }

    public void deletePolicy(PolicyRow row) {
        if (row == null || !app.dialogs().confirm("Delete policy", "Delete the " + row.kind() + " of " + row.model() + "?", "Delete")) {
            return;
        }
        UUID id = project.get().id();
        app.tasks().submit(() -> app.engine().deployments().deletePolicy(id, row.policy().id()), this::refresh,
                t -> app.dialogs().error("Delete refused", AppContext.message(t)));
    }

    /** Asks for a title and deploys: the policies start running on schedule and the project freezes. */
    public void deploy() {
        Project p = project.get();
        app.dialogs().askText("Deploy", "Deploying freezes the project; its policies then run on schedule while the app runs. Title:",
                p.title() + " (production)").ifPresent(title -> app.tasks().submit(() -> app.engine().deployments().deploy(p.id(), title), d -> {
                    app.dialogs().notify("Deployed", "'" + d.title() + "' is active; its policies run on schedule.");
                    refresh();
                }, t -> app.dialogs().error("Deploy refused", AppContext.message(t))));
    }

    public void deactivate() {
        Deployment d = selected.get();
        if (d == null || !app.dialogs().confirm("Deactivate", "Stop '" + d.title() + "'? Its policies stop running; stored forecasts are kept.",
                "Deactivate")) {
            return;
        }
        app.tasks().submit(() -> app.engine().deployments().deactivate(d.id()), this::refresh,
                t -> app.dialogs().error("Deactivate", AppContext.message(t)));
    }

    /** Writes every forecast of the selected deployment: reference_time, fit_time, time, value. */
    public void exportForecasts() {
        Deployment d = selected.get();
        if (d == null) {
            return;
        }
        app.dialogs().saveFile("Export forecasts", "forecasts.csv", "csv").ifPresent(path -> app.tasks().submit(() -> write(d, path), n ->
                app.dialogs().notify("Exported", n + " forecast values written to " + path), t -> app.dialogs().error("Export", AppContext.message(t))));
    }

    private int write(Deployment d, Path path) throws java.io.IOException {
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write("reference_time,fit_time,time,value\n");
            for (Forecast f : app.engine().deployments().forecasts(d.id())) {
                for (Forecast.Point p : f.points()) {
                    w.write(f.referenceTime() + "," + f.fitTime() + "," + p.time() + "," + p.value() + "\n");
                    n++;
                }
            }
        }
        return n;
    }

    private void fail(Throwable t) {
        app.dialogs().error("Deployments", AppContext.message(t));
    }

    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    public ObservableList<PolicyRow> policies() {
        return policies;
    }

    public ObservableList<Deployment> deployments() {
        return deployments;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObjectProperty<Deployment> selectedProperty() {
        return selected;
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    public ObjectProperty<Latest> latestProperty() {
        return latest;
    }

    public StringProperty frozenReasonProperty() {
        return frozenReason;
    }
}
