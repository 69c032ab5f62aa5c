package io.hypercast.engine.bench;

import io.hypercast.engine.Demo;
import io.hypercast.engine.Engine;
import io.hypercast.engine.Nots;
import io.hypercast.engine.data.CsvImport;
import io.hypercast.engine.data.CsvImportOptions;
import io.hypercast.engine.data.CsvImporter;
import io.hypercast.engine.data.Series;
import io.hypercast.engine.nots.NodeTypes;
import io.hypercast.model.Node;
import io.hypercast.model.Project;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A longer half-hourly demand series for the cost-growth benchmark, clearly SYNTHETIC: the demo
 * data's mean shape per day of week and half hour (local London time), scaled by a yearly cycle
 * (winter about 15 % above summer), times a slowly wandering AR(1) noise of about 3 %. Deterministic:
 * the same every time. Two years, 1999-01-04 to 2001-01-01 (34,944 values).
 */
public final class SyntheticDemand {
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    public static final Instant START = Instant.parse("1999-01-04T00:00:00Z");
    public static final Instant END = Instant.parse("2001-01-01T00:00:00Z");
    public static final String PROJECT_TITLE = "Synthetic half-hourly demand (benchmark)";
    private static final long PERIOD = 1800;
    private static final long SEED = 20000605L;

    private SyntheticDemand() {
    }

    /** The series as CSV text (timestamp,demand_mw), timestamps in UTC. */
    public static String csv() {
        double[][] shape = demoShape();
        SplittableRandom rnd = new SplittableRandom(SEED);
        StringBuilder sb = new StringBuilder(1 << 20).append("timestamp,demand_mw\n");
        double noise = 0;
        for (long t = START.getEpochSecond(); t < END.getEpochSecond(); t += PERIOD) {
            ZonedDateTime local = Instant.ofEpochSecond(t).atZone(ZONE);
            int dow = local.getDayOfWeek().getValue() - 1;
            int hh = local.getHour() * 2 + local.getMinute() / 30;
            double season = 1 + 0.15 * (Math.cos(2 * Math.PI * (local.getDayOfYear() - 15) / 365.25) + 1) / 2;
            noise = 0.995 * noise + rnd.nextGaussian() * 0.03 * Math.sqrt(1 - 0.995 * 0.995);
            double v = shape[dow][hh] * season * (1 + noise) + rnd.nextGaussian() * 150;
            sb.append(Instant.ofEpochSecond(t)).append(',').append(String.format(Locale.ROOT, "%.0f", v)).append('\n');
        }
        return sb.toString();
    }

    /** Mean demand per (day of week, half hour of local day) in the demo data. */
    static double[][] demoShape() {
        CsvImportOptions options = new CsvImportOptions("timestamp", ZONE, List.of("demand_mw"), false);
        CsvImport data = CsvImporter.importText(resource(Demo.DATASET), "demo.csv", options);
        Series s = data.series("demand_mw");
        double[][] sum = new double[7][48];
        int[][] n = new int[7][48];
        for (int i = 0; i < s.size(); i++) {
            double v = s.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            ZonedDateTime local = Instant.ofEpochSecond(s.timeAt(i)).atZone(ZONE);
            int hh = local.getHour() * 2 + local.getMinute() / 30;
            sum[local.getDayOfWeek().getValue() - 1][hh] += v;
            n[local.getDayOfWeek().getValue() - 1][hh]++;
        }
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 48; h++) {
                sum[d][h] = n[d][h] == 0 ? Double.NaN : sum[d][h] / n[d][h];
            }
        }
        return sum;
    }

    /** A project with the demo's NoTS (lags 24/48/168 h, half hour of day, day of week) on the synthetic series. */
    public static Project create(Engine engine) {
        Nots nots = engine.nots();
        Project p = engine.projects().create(PROJECT_TITLE, "SYNTHETIC data for benchmarks: the demo's weekly shape, a yearly cycle and noise");
        CsvImportOptions options = new CsvImportOptions("timestamp", ZONE, List.of("demand_mw"), false);
        CsvImport data = CsvImporter.importText(csv(), "synthetic-demand.csv", options);
        Node demand = nots.importData(p.id(), data, "synthetic-demand.csv", options, "synthetic_demand").timeSeries().get(0);
        Node model = nots.addNode(p.id(), Demo.MODEL, NodeTypes.LIGHTGBM, Map.of("parameters", new LinkedHashMap<>()));
        for (int hours : new int[] {24, 48, 168}) {
            Node op = nots.addNode(p.id(), "shift_" + hours + "h", NodeTypes.TIME_TRANSFORMATIONS, Map.of("shift", "PT" + hours + "H"));
            nots.connect(p.id(), demand.id(), "", op.id(), "");
            Node lag = nots.addNode(p.id(), "demand_lag_" + hours + "h", NodeTypes.TIME_SERIES, Map.of("period", "PT30M"));
            nots.connect(p.id(), op.id(), "", lag.id(), "");
            nots.connect(p.id(), lag.id(), "", model.id(), NodeTypes.FEATURES);
        }
        Node calendar = nots.addNode(p.id(), "calendar", NodeTypes.TIME_TRENDS, Map.of("time_zone", ZONE.getId()));
        for (String trend : new String[] {"half_hour_of_day", "day_of_week"}) {
            Node ts = nots.addNode(p.id(), trend, NodeTypes.TIME_SERIES, Map.of("period", "PT30M"));
            nots.connect(p.id(), calendar.id(), trend, ts.id(), "");
            nots.connect(p.id(), ts.id(), "", model.id(), NodeTypes.FEATURES);
        }
        nots.connect(p.id(), demand.id(), "", model.id(), NodeTypes.TARGETS);
        return p;
    }

    private static String resource(String name) {
        try (InputStream in = SyntheticDemand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the demo resource " + name + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
