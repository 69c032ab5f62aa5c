package io.hypercast.ui.hpo;

import io.hypercast.engine.models.HyperparameterSpec;
import io.hypercast.engine.models.ModelKind;
import io.hypercast.model.Distribution;
import io.hypercast.model.Hyperopt;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Metric;
import io.hypercast.model.RandomSearch;
import io.hypercast.model.SearchAlgorithm;
import io.hypercast.model.SearchSpace;
import io.hypercast.ui.common.Formats;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The HPO part of the detail form: the search space rows, the model's other (non-optimized)
 * hyperparameters, and the search algorithm. Validation builds the model records and asks the
 * model kind, so the rules are the engine's.
 */
public final class SearchForm {
    public static final List<String> ALGORITHMS = List.of("Hyperopt", "Random");

    final ObservableList<SearchSpaceRow> rows = FXCollections.observableArrayList(r -> new Observable[] {r.parameterProperty(),
        r.typeProperty(), r.lowerProperty(), r.upperProperty(), r.qProperty(), r.baseProperty(), r.choicesProperty()});
    final ObservableList<String> nonOptimized = FXCollections.observableArrayList();
    final StringProperty algorithm = new SimpleStringProperty("Hyperopt");
    final StringProperty numTrials = new SimpleStringProperty("10");
    final StringProperty maxConcurrent = new SimpleStringProperty("1");
    final StringProperty nStartupJobs = new SimpleStringProperty("20");
    final StringProperty metric = new SimpleStringProperty("rmse");
    final StringProperty seed = new SimpleStringProperty("0");

    Observable[] observables() {
        return new Observable[] {rows, algorithm, numTrials, maxConcurrent, nStartupJobs, metric, seed};
    }

    void load(SearchSpace space, SearchAlgorithm algo) {
        rows.clear();
        space.parameters().forEach((name, d) -> {
            SearchSpaceRow r = new SearchSpaceRow();
            r.set(name, d);
            rows.add(r);
        });
        algorithm.set(algo.type());
        numTrials.set(Integer.toString(algo.numTrials()));
        maxConcurrent.set(Integer.toString(algo.maxConcurrentTrials()));
        nStartupJobs.set(algo instanceof Hyperopt h ? Integer.toString(h.nStartupJobs()) : "20");
        metric.set(algo.metric().key());
        seed.set(Long.toString(algo.seed()));
    }

    /** A new row for the first hyperparameter not in the space yet. */
    SearchSpaceRow addRow(ModelKind kind) {
        Set<String> used = new HashSet<>();
        rows.forEach(r -> used.add(r.parameterProperty().get()));
        HyperparameterSpec h = kind.hyperparameters().stream().filter(x -> !used.contains(x.name())).findFirst()
                .orElse(kind.hyperparameters().get(0));
        SearchSpaceRow r = new SearchSpaceRow();
        r.startWith(h);
        rows.add(r);
        return r;
    }

    /** Lists the hyperparameters the search leaves alone, with the value every trial uses. */
    void updateNonOptimized(ModelKind kind, Map<String, Object> modelParameters) {
        Set<String> optimized = new HashSet<>();
        rows.forEach(r -> optimized.add(r.parameterProperty().get()));
        List<String> lines = kind.hyperparameters().stream().filter(h -> !optimized.contains(h.name())).map(h -> {
            Object set = modelParameters.get(h.name());
            return h.name() + " = " + Formats.value(set != null ? set : h.defaultValue())
                    + (set != null ? "  (set on the model; default " + Formats.value(h.defaultValue()) + ")" : "  (default)");
        }).toList();
        if (!lines.equals(nonOptimized)) {
            nonOptimized.setAll(lines);
        }
    }

    /** Checks the rows and the algorithm; returns the space and algorithm when all is well. */
    Result validate(ModelKind kind, Problems p) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            p.error("search_space", "add at least one hyperparameter to search");
        }
        Set<String> seen = new HashSet<>();
        for (SearchSpaceRow r : rows) {
            String problem = kind == null ? "" : r.check(kind);
            String name = r.parameterProperty().get();
            if (problem.isEmpty() && !seen.add(name)) {
                problem = name + " is in the search space twice";
            }
            r.errorProperty().set(problem);
            if (!problem.isEmpty()) {
                p.error("search_space", "fix the search space rows marked in red");
            } else {
                space.put(name, r.build());
            }
        }
        SearchAlgorithm algo = algorithm(p);
        if (!p.errors.isEmpty() || algo == null) {
            return null;
        }
        return new Result(new SearchSpace(space), algo);
    }

    record Result(SearchSpace space, SearchAlgorithm algorithm) {
    }

    private SearchAlgorithm algorithm(Problems p) {
        Integer trials = integer(numTrials.get(), "num_trials", p);
        Integer concurrent = integer(maxConcurrent.get(), "max_concurrent_trials", p);
        boolean hyperopt = !"Random".equals(algorithm.get());
        Integer startup = hyperopt ? integer(nStartupJobs.get(), "n_startup_jobs", p) : Integer.valueOf(20);
        Long s = null;
        try {
            s = Long.parseLong(seed.get() == null ? "" : seed.get().strip());
        } catch (NumberFormatException e) {
            p.error("seed", "'" + seed.get() + "' is not a whole number");
        }
        Metric m = null;
        try {
            m = Metric.parse(metric.get());
        } catch (InvalidInputException e) {
            p.error("metric", Problems.bare(e));
        }
        if (trials == null || concurrent == null || startup == null || s == null || m == null) {
            return null;
        }
        // the guardrails are the engine's to refuse (at save or run, naming the limit); here they only warn
        if (trials > SearchAlgorithm.MAX_TRIALS) {
            p.warn("num_trials", "over the limit of " + SearchAlgorithm.MAX_TRIALS + " trials per HPO: saving will be refused");
        }
        if (concurrent > SearchAlgorithm.MAX_CONCURRENT_TRIALS) {
            p.warn("max_concurrent_trials", "over the limit of " + SearchAlgorithm.MAX_CONCURRENT_TRIALS
                    + " concurrent trials per HPO: saving will be refused");
        }
        try {
            return hyperopt ? new Hyperopt(trials, concurrent, startup, m, s) : new RandomSearch(trials, concurrent, m, s);
        } catch (InvalidInputException e) {
            p.error(e.where(), Problems.bare(e));
            return null;
        }
    }

    private static Integer integer(String text, String field, Problems p) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            p.error(field, "'" + (text == null ? "" : text.strip()) + "' is not a whole number");
            return null;
        }
    }
}
