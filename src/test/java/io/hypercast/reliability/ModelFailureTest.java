package io.hypercast.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.engine.HpoResult;
import io.hypercast.engine.Settings;
import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.data.CsvImporter;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.HpoState;
import io.hypercast.model.Node;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model failure inside a trial fails that trial with the library's (or the trainer's) message,
 * and the run goes on to its other trials.
 */
class ModelFailureTest {
    @TempDir
    Path dir;
    private Engine engine;

    @BeforeEach
    void open() {
        engine = Engine.open(new Settings(dir, dir.resolve("failures.db"), "reliability", Duration.ofMinutes(10)), new TrialScheduler(2, 2),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static String spec(int trials, String space) {
        return SyntheticProject.hpoSpecJson(trials, 2, space);
    }

    private static void assertRunWentOn(List<Trial> trials, int planned) {
        assertEquals(planned, trials.size(), "every planned trial ran: " + trials);
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETED || t.state() == TrialState.FAILED), trials.toString());
        assertTrue(trials.stream().anyMatch(t -> t.state() == TrialState.COMPLETED), "some trials completed: " + trials);
        assertTrue(trials.stream().anyMatch(t -> t.state() == TrialState.FAILED), "some trials failed: " + trials);
    }

    /** subsample 1e-9 leaves LightGBM no row to bag: it refuses the data and its own message is the trial's error. */
    @Test
    void lightGbmRefusingTheDataFailsThatTrialWithItsMessageAndTheRunContinues() {
        SyntheticProject sp = SyntheticProject.create(engine, "refused");
        Experiment e = engine.experiments().createHpo(sp.project.id(), SpecJson.readHpo(spec(10, """
                {"subsample": {"type": "Choice", "choices": [1.0, 1e-9]},
                 "num_boost_round": {"type": "QUniform", "lower": 10, "upper": 30, "q": 10}}""")));
        assertEquals(HpoState.SUCCESS, engine.experiments().run(e.id(), null, null).await());
        List<Trial> trials = engine.experiments().trials(e.id());
        assertRunWentOn(trials, 10);
        for (Trial t : trials) {
            if (t.state() == TrialState.FAILED) {
                assertEquals(1e-9, t.parameters().get("subsample"), t.toString());
                assertTrue(t.error().startsWith("LightGBM: ") && t.error().contains("num_data"), "LightGBM's own message: " + t.error());
                assertNull(t.metrics());
                assertNotNull(t.finishedAt());
            } else {
                assertEquals(1.0, t.parameters().get("subsample"), t.toString());
            }
        }
        HpoResult r = engine.experiments().result(e.id());
        Trial best = trials.stream().filter(t -> t.state() == TrialState.COMPLETED).min(Comparator.comparingDouble(Trial::objective)).orElseThrow();
        assertEquals(best.number(), r.bestTrial().number(), "the best comes from completed trials only");
    }

    /** Adds a feature whose data ends months before the test period: all null in every training and prediction row. */
    private static Node addAllNullFeature(Engine engine, SyntheticProject sp) {
        StringBuilder csv = new StringBuilder("time,old_sensor\n");
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        for (int h = 0; h < 200; h++) {
            csv.append(start.plusSeconds(3600L * h)).append(',').append(h % 17).append('\n');
        }
        CsvImportOptions options = new CsvImportOptions("time", ZoneOffset.UTC, List.of("old_sensor"), false);
        Node ts = engine.nots().importData(sp.project.id(), CsvImporter.importText(csv.toString(), "old.csv", options), "old.csv", options,
                "old").timeSeries().get(0);
        engine.nots().connect(sp.project.id(), ts.id(), "", sp.model.id(), NodeTypes.FEATURES);
        return ts;
    }

    /**
     * A feature column that is all null: with fit_on_null_values=false no training row is left and
     * the trial fails saying so; with true LightGBM trains on the other features. The run continues.
     */
    @Test
    void aFeatureColumnThatIsAllNullFailsTheTrialsThatCannotTrainAndTheRunContinues() {
        SyntheticProject sp = SyntheticProject.create(engine, "all null");
        addAllNullFeature(engine, sp);
        Experiment e = engine.experiments().createHpo(sp.project.id(), SpecJson.readHpo(spec(8, """
                {"fit_on_null_values": {"type": "Choice", "choices": [true, false]},
                 "num_boost_round": {"type": "QUniform", "lower": 10, "upper": 30, "q": 10}}""")));
        assertEquals(HpoState.SUCCESS, engine.experiments().run(e.id(), null, null).await());
        List<Trial> trials = engine.experiments().trials(e.id());
        assertRunWentOn(trials, 8);
        for (Trial t : trials) {
            if (t.state() == TrialState.FAILED) {
                assertEquals(false, t.parameters().get("fit_on_null_values"), t.toString());
                assertTrue(t.error().contains("no training rows") && t.error().contains("missing feature"), t.error());
            } else {
                assertEquals(true, t.parameters().get("fit_on_null_values"), t.toString());
            }
        }
    }

    /** Every trial fails: the run ends FAILURE naming the first error, with no best trial and no exception. */
    @Test
    void whenEveryTrialFailsTheRunEndsFailureWithTheFirstErrorAndNoBest() {
        SyntheticProject sp = SyntheticProject.create(engine, "all fail");
        Experiment e = engine.experiments().createHpo(sp.project.id(), SpecJson.readHpo(spec(3, """
                {"subsample": {"type": "Constant", "value": 1e-9}}""")));
        assertEquals(HpoState.FAILURE, engine.experiments().run(e.id(), null, null).await());
        Experiment after = engine.experiments().get(e.id());
        assertTrue(after.error().contains("LightGBM: "), after.error());
        HpoResult r = engine.experiments().result(e.id());
        assertNull(r.bestTrial());
        assertEquals(3, r.trials().size());
        assertTrue(r.trials().stream().allMatch(t -> t.state() == TrialState.FAILED));
    }
}
