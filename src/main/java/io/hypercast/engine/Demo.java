package io.hypercast.engine;

import io.hypercast.engine.data.CsvImport;
import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.data.CsvImporter;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoState;
import io.hypercast.model.Node;
import io.hypercast.model.Project;
import io.hypercast.engine.store.ProjectRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in demo project: UK half-hourly electricity demand (2000) with a LightGBM model on
 * lags of 24 h, 48 h and 168 h, half-hour of day and day of week, and a DRAFT HPO from the shipped
 * spec. Idempotent: the project is made once and reused; a DRAFT HPO is reused while one is left.
 */
public final class Demo {
    public static final String DATASET = "/assets/datasets/uk-electricity-demand-2000-halfhourly.csv";
    public static final String SPEC = "/assets/examples/demo-hpo.json";
    public static final String PROJECT_TITLE = "UK electricity demand (demo)";
    public static final String MODEL = "demand_lgbm";

    private Demo() {
    }

    public record Created(Project project, Node model, Experiment hpo, boolean reused) {
    }

    /**
     * The demo project, made on first call, with its demo HPO: the window opens on it at every start
     * and must not pile up drafts, so an existing demo HPO (in any state) is reused.
     */
    public static Created ensure(Engine engine) {
        return ensure(engine, false);
    }

    /**
     * The demo project with a DRAFT demo HPO ready to run, as {@code hypercast demo} promises: a
     * draft left from an earlier call is reused; once the demo HPO has run, a new draft is made.
     */
    public static Created ensureWithDraft(Engine engine) {
        return ensure(engine, true);
    }

    private static Created ensure(Engine engine, boolean needDraft) {
        ProjectRepository repo = new ProjectRepository();
        Optional<Project> existing = engine.store().read(repo::findDemo);
        boolean reused = existing.isPresent();
        Project project = existing.orElseGet(() -> create(engine));
        Node model = engine.nots().model(project.id(), MODEL);
        String title = spec().backtest().title();
        List<Experiment> demos = engine.experiments().list(project.id(), ExperimentKind.HPO).stream()
                .filter(e -> e.title().equals(title)).toList();
        Optional<Experiment> draft = demos.stream().filter(e -> e.state() == HpoState.DRAFT).findFirst();
        Experiment hpo;
        if (draft.isPresent()) {
            hpo = draft.get();
        } else if (!needDraft && !demos.isEmpty()) {
            hpo = demos.get(demos.size() - 1);
        } else {
            hpo = engine.experiments().createHpo(project.id(), spec());
        }
        return new Created(project, model, hpo, reused);
    }

    public static io.hypercast.model.HpoSpec spec() {
        return SpecJson.readHpo(resource(SPEC));
    }

    private static Project create(Engine engine) {
        Project p = new Project(UUID.randomUUID(), PROJECT_TITLE,
                "Half-hourly electricity demand in England and Wales, June to August 2000 (Taylor 2003). Forecast the next day at midnight.",
                engine.settings().profile(), engine.clock().instant(), true);
        engine.store().write(c -> {
            new ProjectRepository().insert(c, p);
            return null;
        });
        try {
            build(engine, p.id());
        } catch (RuntimeException e) {
            engine.projects().delete(p.id()); // never leave a half-built demo to be reused
            throw e;
        }
        return p;
    }

    private static void build(Engine engine, UUID pid) {
        Nots nots = engine.nots();
        CsvImportOptions options = new CsvImportOptions("timestamp", ZoneId.of("Europe/London"), List.of("demand_mw"), false);
        CsvImport data = CsvImporter.importText(resource(DATASET), "uk-electricity-demand-2000-halfhourly.csv", options);
        Nots.Imported imported = nots.importData(pid, data, "uk-electricity-demand-2000-halfhourly.csv", options, "uk_demand");
        Node demand = imported.timeSeries().get(0);
        Node model = nots.addNode(pid, MODEL, NodeTypes.LIGHTGBM, Map.of("parameters", new LinkedHashMap<>()));
        for (int hours : new int[] {24, 48, 168}) {
            Node op = nots.addNode(pid, "shift_" + hours + "h", NodeTypes.TIME_TRANSFORMATIONS, Map.of("shift", "PT" + hours + "H"));
            nots.connect(pid, demand.id(), "", op.id(), "");
            Node lag = nots.addNode(pid, "demand_lag_" + hours + "h", NodeTypes.TIME_SERIES, Map.of("period", "PT30M"));
            nots.connect(pid, op.id(), "", lag.id(), "");
            nots.connect(pid, lag.id(), "", model.id(), NodeTypes.FEATURES);
        }
        Node calendar = nots.addNode(pid, "calendar", NodeTypes.TIME_TRENDS, Map.of("time_zone", "Europe/London"));
        for (String trend : new String[] {"half_hour_of_day", "day_of_week"}) {
            Node ts = nots.addNode(pid, trend, NodeTypes.TIME_SERIES, Map.of("period", "PT30M"));
            nots.connect(pid, calendar.id(), trend, ts.id(), "");
            nots.connect(pid, ts.id(), "", model.id(), NodeTypes.FEATURES);
        }
        nots.connect(pid, demand.id(), "", model.id(), NodeTypes.TARGETS);
    }

    static String resource(String name) {
        try (InputStream in = Demo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the demo resource " + name + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
