package io.hypercast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.CronTiming;
import io.hypercast.model.Experiment;
import io.hypercast.model.Forecast;
import io.hypercast.model.Node;
import io.hypercast.model.Policy;
import io.hypercast.model.PolicyKind;
import io.hypercast.model.Project;
import io.hypercast.model.ProjectFrozenException;
import io.hypercast.model.RelativeTiming;
import io.hypercast.model.Trial;
import io.hypercast.testing.SyntheticProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow after an HPO: freeze, copy (with parameters), policies, deploy, run what is due. */
class LifecycleTest {
    @TempDir
    Path dir;
    private Engine engine;
    private SyntheticProject sp;

    @BeforeEach
    void open() {
        engine = Engine.open(new Settings(dir, dir.resolve("l.db"), "dora", Duration.ofMinutes(10)), new TrialScheduler(2, 2), Clock.systemUTC());
        sp = SyntheticProject.create(engine, "lifecycle");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** Every row of a project in every table, as text: "byte for byte" at the level of stored values. */
    private List<String> dump(UUID projectId) {
        return engine.store().read(c -> {
            List<String> out = new ArrayList<>();
            String[] queries = {
                "SELECT * FROM project WHERE id = ?",
                "SELECT * FROM node WHERE project_id = ? ORDER BY id",
                "SELECT * FROM edge WHERE project_id = ? ORDER BY id",
                "SELECT s.* FROM series_data s JOIN node n ON n.id = s.node_id WHERE n.project_id = ? ORDER BY s.node_id, s.column",
                "SELECT * FROM policy WHERE project_id = ? ORDER BY id",
                "SELECT * FROM deployment WHERE project_id = ? ORDER BY id"};
            for (String q : queries) {
                try (PreparedStatement ps = c.prepareStatement(q)) {
                    ps.setString(1, projectId.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        int cols = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder sb = new StringBuilder(q.substring(14, 30));
                            for (int i = 1; i <= cols; i++) {
                                Object v = rs.getObject(i);
                                sb.append('|').append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v));
                            }
                            out.add(sb.toString());
                        }
                    }
                }
            }
            return out;
        });
    }

    private Experiment runSmallHpo() {
        Experiment e = engine.experiments().createHpo(sp.project.id(),
                SpecJson.readHpo(SyntheticProject.hpoSpecJson(3, 1, SyntheticProject.SMALL_SPACE)));
        engine.experiments().run(e.id(), null, null).await();
        return e;
    }

    @Test
    void everyEditOfAFrozenNotsIsRefusedAndChangesNothing() throws Exception {
        runSmallHpo();
        List<String> before = dump(sp.project.id());
        UUID p = sp.project.id();
        Path csv = dir.resolve("more.csv");
        Files.writeString(csv, "time,extra\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n");
        List<Runnable> edits = List.of(
                () -> engine.nots().addNode(p, "x", NodeTypes.TIME_SERIES, Map.of("period", "PT1H")),
                () -> engine.nots().connect(p, sp.load.id(), "", sp.model.id(), NodeTypes.FEATURES),
                () -> engine.nots().setModelParameters(p, sp.model.id(), Map.of("max_depth", 4L)),
                () -> engine.nots().deleteNode(p, sp.model.id()),
                () -> engine.nots().importCsv(p, csv, new CsvImportOptions("time", ZoneOffset.UTC, null, false), "more"),
                () -> engine.deployments().addPolicy(p, PolicyKind.MODEL_FIT, "load_lgbm", new CronTiming("0 0 * * 1"),
                        RelativeTiming.parse("-P28D"), RelativeTiming.parse("PT0S")));
        for (Runnable edit : edits) {
            ProjectFrozenException e = assertThrows(ProjectFrozenException.class, edit::run);
            assertTrue(e.getMessage().contains("copy the project"), e.getMessage());
        }
        assertEquals(before, dump(p));
    }

    @Test
    void aCopyIsIndependentOfItsOriginal() {
        engine.deployments().addPolicy(sp.project.id(), PolicyKind.MODEL_FIT, "load_lgbm", new CronTiming("0 0 * * 1"),
                RelativeTiming.parse("-P28D"), RelativeTiming.parse("PT0S"));
        runSmallHpo();
        List<String> original = dump(sp.project.id());
        Project copy = engine.projects().copy(sp.project.id(), null, null, null);
        assertFalse(engine.projects().frozen(copy.id()), "a copy is mutable and undeployed");
        assertTrue(engine.experiments().list(copy.id(), io.hypercast.model.ExperimentKind.HPO).isEmpty(), "none of the runs");
        assertEquals(1, engine.deployments().policies(copy.id()).size(), "policies come along");
        Node model = engine.nots().model(copy.id(), "load_lgbm");
        engine.nots().setModelParameters(copy.id(), model.id(), Map.of("max_depth", 4L));
        engine.nots().addNode(copy.id(), "extra", NodeTypes.TIME_SERIES, Map.of("period", "PT1H"));
        engine.nots().deleteNode(copy.id(), engine.nots().resolve(copy.id(), "extra").id());
        assertEquals(original, dump(sp.project.id()), "the original is unchanged");
        // and the copy runs on its own copied data
        Experiment e = engine.experiments().createHpo(copy.id(), SpecJson.readHpo(SyntheticProject.hpoSpecJson(1, 1, SyntheticProject.SMALL_SPACE)));
        assertEquals(io.hypercast.model.HpoState.SUCCESS, engine.experiments().run(e.id(), null, null).await());
    }

    @Test
    void copyWithATrialsParametersSetsThemOnTheCopysModel() {
        Experiment e = runSmallHpo();
        Trial t = engine.experiments().best(e.id()).orElseThrow();
        Project copy = engine.projects().copyWithTrial(e.id(), t.number(), "tuned");
        Map<String, Object> params = Nots.parameters(engine.nots().model(copy.id(), "load_lgbm"));
        assertEquals(t.parameters().get("num_boost_round"), params.get("num_boost_round"));
        assertEquals(t.parameters().get("learning_rate"), params.get("learning_rate"));
        assertEquals("tuned", copy.title());
    }

    @Test
    void deletingANodeOthersDependOnIsRefusedWithTheirNames() {
        io.hypercast.model.InvalidInputException e = assertThrows(io.hypercast.model.InvalidInputException.class,
                () -> engine.nots().deleteNode(sp.project.id(), sp.load.id()));
        assertTrue(e.getMessage().contains("shift_24") && e.getMessage().contains("load_lgbm"), e.getMessage());
    }

    private UUID deploy(String zone, String fitCron, String runCron) {
        Project copy = engine.projects().copy(sp.project.id(), "deployed " + zone, null, null);
        engine.deployments().addPolicy(copy.id(), PolicyKind.MODEL_FIT, "load_lgbm", new CronTiming(fitCron, ZoneId.of(zone)),
                RelativeTiming.parse("-P28D"), RelativeTiming.parse("PT0S"));
        engine.deployments().addPolicy(copy.id(), PolicyKind.TS_RUN, "load_lgbm", new CronTiming(runCron, ZoneId.of(zone)),
                RelativeTiming.parse("PT0S"), RelativeTiming.parse("PT24H"));
        return engine.deployments().deploy(copy.id(), "prod").id();
    }

    @Test
    void policiesFireAtLocalWallTimeAcrossADstChange() {
        UUID d = deploy("America/New_York", "0 17 * * *", "0 17 * * *");
        // 2024-03-10: New York springs forward. 17:00 EST is 22:00Z the day before; 17:00 EDT is 21:00Z.
        var first = engine.deployments().runDue(Instant.parse("2024-03-09T23:00:00Z"));
        var second = engine.deployments().runDue(Instant.parse("2024-03-10T22:00:00Z"));
        assertEquals(List.of(Instant.parse("2024-03-09T22:00:00Z"), Instant.parse("2024-03-09T22:00:00Z")), first.stream().map(Deployments.DueRun::scheduled).toList());
        assertEquals(List.of(Instant.parse("2024-03-10T21:00:00Z"), Instant.parse("2024-03-10T21:00:00Z")), second.stream().map(Deployments.DueRun::scheduled).toList());
        assertTrue(second.stream().allMatch(r -> "SUCCESS".equals(r.result().state())), second.toString());
        List<Forecast> fs = engine.deployments().forecasts(d);
        assertEquals(2, fs.size());
        assertEquals(Duration.ofHours(23), Duration.between(fs.get(0).referenceTime(), fs.get(1).referenceTime()));
        assertEquals(24, fs.get(1).points().size());
        assertEquals(Instant.parse("2024-03-10T21:00:00Z"), fs.get(1).points().get(0).time());
    }

    @Test
    void aMissedRunIsCaughtUpOnceTheLatestOnly() {
        UUID d = deploy("UTC", "0 0 * * 1", "0 6 * * *");
        // a week of missed daily runs: only the latest (2024-03-08 06:00) runs, with the latest fit (Monday 03-04)
        var done = engine.deployments().runDue(Instant.parse("2024-03-08T12:00:00Z"));
        assertEquals(2, done.size());
        assertEquals(Instant.parse("2024-03-04T00:00:00Z"), done.get(0).scheduled());
        assertEquals(Instant.parse("2024-03-08T06:00:00Z"), done.get(1).scheduled());
        assertTrue(engine.deployments().runDue(Instant.parse("2024-03-08T12:00:00Z")).isEmpty(), "once");
        assertTrue(engine.deployments().runDue(Instant.parse("2024-03-08T23:00:00Z")).isEmpty(), "nothing new is due");
        var next = engine.deployments().runDue(Instant.parse("2024-03-09T06:00:00Z"));
        assertEquals(1, next.size());
        assertEquals(2, engine.deployments().forecasts(d).size());
        assertEquals(Instant.parse("2024-03-04T00:00:00Z"), engine.deployments().forecasts(d).get(1).fitTime());
    }

    @Test
    void aForecastPastTheEndOfTheDataFailsWithAReasonInsteadOfGuessing() {
        deploy("UTC", "0 0 * * 1", "0 6 * * *");
        // the data ends 2024-03-11: on 03-20 even the 168 h lag is unknown
        var done = engine.deployments().runDue(Instant.parse("2024-03-20T12:00:00Z"));
        var run = done.stream().filter(r -> r.policy().kind() == PolicyKind.TS_RUN).findFirst().orElseThrow().result();
        assertEquals("FAILURE", run.state());
        assertTrue(run.error().contains("append newer rows"), run.error());
    }

    @Test
    void aDeactivatedDeploymentRunsNothing() {
        UUID d = deploy("UTC", "0 0 * * 1", "0 6 * * *");
        engine.deployments().deactivate(d);
        assertTrue(engine.deployments().runDue(Instant.parse("2024-03-08T12:00:00Z")).isEmpty());
    }

    @Test
    void forecastsAreLeakageFreeByTheBacktestsRule() {
        UUID d1 = deploy("UTC", "0 0 * * 1", "0 6 * * *");
        Instant r = Instant.parse("2024-03-06T06:00:00Z");
        engine.deployments().runDue(r);
        Forecast clean = engine.deployments().forecasts(d1).get(0);
        // the same project whose observations known only after r are garbage
        String csv = SyntheticProject.csv(7);
        StringBuilder garbled = new StringBuilder();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (String line : csv.split("\n")) {
            if (!line.startsWith("time")) {
                Instant t = Instant.parse(line.substring(0, line.indexOf(',')));
                if (t.plusSeconds(3600).isAfter(r)) {
                    line = t + "," + (rnd.nextDouble() * 1e6);
                }
            }
            garbled.append(line).append('\n');
        }
        Project other = engine.projects().create("garbled", "");
        CsvImportOptions options = new CsvImportOptions("time", ZoneOffset.UTC, List.of("load"), false);
        Node load = engine.nots().importData(other.id(), io.hypercast.engine.data.CsvImporter.importText(garbled.toString(), "g.csv", options),
                "g.csv", options, "meter").timeSeries().get(0);
        Node model = engine.nots().addNode(other.id(), "load_lgbm", NodeTypes.LIGHTGBM, Map.of("parameters", Map.of("num_boost_round", 30L)));
        for (int hours : new int[] {24, 168}) {
            Node op = engine.nots().addNode(other.id(), "shift_" + hours, NodeTypes.TIME_TRANSFORMATIONS, Map.of("shift", "PT" + hours + "H"));
            engine.nots().connect(other.id(), load.id(), "", op.id(), "");
            Node lag = engine.nots().addNode(other.id(), "load_lag_" + hours + "h", NodeTypes.TIME_SERIES, Map.of("period", "PT1H"));
            engine.nots().connect(other.id(), op.id(), "", lag.id(), "");
            engine.nots().connect(other.id(), lag.id(), "", model.id(), NodeTypes.FEATURES);
        }
        Node cal = engine.nots().addNode(other.id(), "calendar", NodeTypes.TIME_TRENDS, Map.of("time_zone", "UTC"));
        Node hour = engine.nots().addNode(other.id(), "hour_of_day", NodeTypes.TIME_SERIES, Map.of("period", "PT1H"));
        engine.nots().connect(other.id(), cal.id(), "hour_of_day", hour.id(), "");
        engine.nots().connect(other.id(), hour.id(), "", model.id(), NodeTypes.FEATURES);
        engine.nots().connect(other.id(), load.id(), "", model.id(), NodeTypes.TARGETS);
        engine.deployments().addPolicy(other.id(), PolicyKind.MODEL_FIT, "load_lgbm", new CronTiming("0 0 * * 1"),
                RelativeTiming.parse("-P28D"), RelativeTiming.parse("PT0S"));
        engine.deployments().addPolicy(other.id(), PolicyKind.TS_RUN, "load_lgbm", new CronTiming("0 6 * * *"),
                RelativeTiming.parse("PT0S"), RelativeTiming.parse("PT24H"));
        UUID d2 = engine.deployments().deploy(other.id(), "garbled").id();
        engine.deployments().runDue(r);
        Forecast dirty = engine.deployments().forecasts(d2).get(0);
        assertEquals(clean.points().size(), dirty.points().size());
        for (int i = 0; i < clean.points().size(); i++) {
            assertEquals(Double.doubleToRawLongBits(clean.points().get(i).value()), Double.doubleToRawLongBits(dirty.points().get(i).value()),
                    "forecast for " + clean.points().get(i).time());
        }
        // and the garbage does reach a forecast issued later
        engine.deployments().runDue(r.plus(Duration.ofDays(2)));
        engine.deployments().runDue(r.plus(Duration.ofDays(2)));
        List<Forecast> later1 = engine.deployments().forecasts(d1);
        List<Forecast> later2 = engine.deployments().forecasts(d2);
        assertNotEquals(later1.get(later1.size() - 1).points().get(0).value(), later2.get(later2.size() - 1).points().get(0).value());
    }

    @Test
    void deployingNeedsBothPolicies() {
        Project copy = engine.projects().copy(sp.project.id(), "no policies", null, null);
        assertThrows(io.hypercast.model.InvalidInputException.class, () -> engine.deployments().deploy(copy.id(), "x"));
        engine.deployments().addPolicy(copy.id(), PolicyKind.TS_RUN, "load_lgbm", new CronTiming("0 6 * * *"),
                RelativeTiming.parse("PT0S"), RelativeTiming.parse("PT24H"));
        var e = assertThrows(io.hypercast.model.InvalidInputException.class, () -> engine.deployments().deploy(copy.id(), "x"));
        assertTrue(e.getMessage().contains("Model Fit Policy"), e.getMessage());
        List<Policy> ps = engine.deployments().policies(copy.id());
        assertEquals(1, ps.size());
    }
}
