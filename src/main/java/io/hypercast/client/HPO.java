package io.hypercast.client;

import io.hypercast.engine.Engine;
import io.hypercast.engine.RunHandle;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.BacktestSpec;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.SearchSpace;
import io.hypercast.model.Timing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** An HPO of a project: create it (a DRAFT), run it, wait, read its result. */
public final class HPO {
    private final Project project;
    private final UUID uuid;
    private volatile RunHandle handle;

    private HPO(Project project, UUID uuid) {
        this.project = project;
        this.uuid = uuid;
    }

    public static HPO get(Project project, UUID uuid) {
        Experiment e = Hypercast.engine().experiments().get(uuid);
        if (e.kind() != ExperimentKind.HPO || !e.projectId().equals(project.uuid())) {
            throw new InvalidInputException("uuid", "no HPO " + uuid + " in project " + project.uuid());
        }
        return new HPO(project, uuid);
    }

    public static List<HPO> list(Project project) {
        return Hypercast.engine().experiments().list(project.uuid(), ExperimentKind.HPO).stream().map(e -> new HPO(project, e.id())).toList();
    }

    /** Creates a DRAFT from a spec file (the command line's JSON shape). */
    public static HPO create(Project project, Path specFile) {
        try {
            HpoSpec spec = SpecJson.readHpo(Files.readString(specFile, StandardCharsets.UTF_8));
            return new HPO(project, Hypercast.engine().experiments().createHpo(project.uuid(), spec).id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the keyword-style definition of an HPO of {@code model}. */
    public static Builder builder(Project project, Model model) {
        return new Builder(project, model);
    }

    public UUID uuid() {
        return uuid;
    }

    public Project project() {
        return project;
    }

    public String title() {
        return experiment().title();
    }

    public HpoState state() {
        return experiment().state();
    }

    private Experiment experiment() {
        return Hypercast.engine().experiments().get(uuid);
    }

    /** Runs the HPO in this process (returns at once); refused with a LimitExceededException past a guardrail. */
    public HPO run() {
        return run(null);
    }

    public HPO run(Duration timeout) {
        handle = Hypercast.engine().experiments().run(uuid, timeout, null);
        return this;
    }

    /** Resumes an INTERRUPTED run: finished trials are kept and the search continues from them. */
    public HPO resume() {
        handle = Hypercast.engine().experiments().resume(uuid, null, null);
        return this;
    }

    public void cancel() {
        Hypercast.engine().experiments().cancel(uuid);
    }

    /** Blocks until the run ends (also one started by another process); returns the final state. */
    public HpoState waitUntilCompleted() {
        RunHandle h = handle;
        if (h != null) {
            return h.await();
        }
        Engine engine = Hypercast.engine();
        while (true) {
            HpoState s = engine.experiments().get(uuid).state();
            if (s.isFinished() || s == HpoState.INTERRUPTED || s == HpoState.DRAFT) {
                return s;
            }
            try {
                Thread.sleep(500); // another process runs it: the store is all we can watch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for HPO " + uuid, e);
            }
        }
    }

    public HPOResult getResult() {
        return new HPOResult(Hypercast.engine().experiments().result(uuid));
    }

    @Override
    public String toString() {
        return "HPO(" + uuid + ")";
    }

    /** Keyword-style creation, as the Python client's {@code HPO.create(title=..., ...)}. */
    public static final class Builder {
        private final Project project;
        private final Model model;
        private String title;
        private String description = "";
        private Instant testStartTime;
        private Instant testEndTime;
        private TimeDelta fitStartTiming;
        private TimeDelta fitEndTiming = TimeDelta.hours(0);
        private Object fitReferenceTiming;
        private TimeDelta predictStartTiming = TimeDelta.hours(0);
        private TimeDelta predictEndTiming;
        private Object predictReferenceTiming;
        private final Map<String, Distribution> searchSpace = new LinkedHashMap<>();
        private SearchAlgorithm searchAlgorithm = new Hyperopt();

        private Builder(Project project, Model model) {
            this.project = Objects.requireNonNull(project, "project");
            this.model = Objects.requireNonNull(model, "model");
        }

        public Builder title(String t) {
            title = t;
            return this;
        }

        public Builder description(String d) {
            description = d;
            return this;
        }

        public Builder testStartTime(Instant t) {
            testStartTime = t;
            return this;
        }

        public Builder testEndTime(Instant t) {
            testEndTime = t;
            return this;
        }

        public Builder fitStartTiming(TimeDelta d) {
            fitStartTiming = d;
            return this;
        }

        public Builder fitEndTiming(TimeDelta d) {
            fitEndTiming = d;
            return this;
        }

        public Builder fitReferenceTiming(CronTiming c) {
            fitReferenceTiming = c;
            return this;
        }

        public Builder fitReferenceTiming(Instant absolute) {
            fitReferenceTiming = absolute;
            return this;
        }

        public Builder predictStartTiming(TimeDelta d) {
            predictStartTiming = d;
            return this;
        }

        public Builder predictEndTiming(TimeDelta d) {
            predictEndTiming = d;
            return this;
        }

        public Builder predictReferenceTiming(CronTiming c) {
            predictReferenceTiming = c;
            return this;
        }

        public Builder searchSpace(Map<String, Distribution> space) {
            searchSpace.clear();
            searchSpace.putAll(space);
            return this;
        }

        public Builder param(String name, Distribution d) {
            searchSpace.put(name, d);
            return this;
        }

        public Builder searchAlgorithm(SearchAlgorithm a) {
            searchAlgorithm = a;
            return this;
        }

        /** Validates everything (errors name the key, e.g. search_space.learning_rate.lower) and saves a DRAFT. */
        public HPO create() {
            Map<String, io.hypercast.model.Distribution> space = new LinkedHashMap<>();
            for (Map.Entry<String, Distribution> e : searchSpace.entrySet()) {
                try {
                    space.put(e.getKey(), Objects.requireNonNull(e.getValue(), "distribution").toModel());
                } catch (InvalidInputException ex) {
                    throw ex.within("search_space." + e.getKey());
                }
            }
            io.hypercast.model.SearchAlgorithm algo;
            try {
                algo = searchAlgorithm.toModel();
            } catch (InvalidInputException ex) {
                throw ex.within("search_algorithm");
            }
            BacktestSpec bt = new BacktestSpec(title, description, model.uuid().toString(), testStartTime, testEndTime,
                    fitStartTiming == null ? null : fitStartTiming.toModel(), fitEndTiming == null ? null : fitEndTiming.toModel(),
                    timing(fitReferenceTiming), predictStartTiming == null ? null : predictStartTiming.toModel(),
                    predictEndTiming == null ? null : predictEndTiming.toModel(), timing(predictReferenceTiming));
            HpoSpec spec = new HpoSpec(bt, new SearchSpace(space), algo);
            return new HPO(project, Hypercast.engine().experiments().createHpo(project.uuid(), spec).id());
        }

        private static Timing timing(Object t) {
            if (t instanceof CronTiming c) {
                return c.toModel();
            }
            if (t instanceof Instant i) {
                return new io.hypercast.model.AbsoluteTiming(i);
            }
            return null;
        }
    }
}
