package io.hypercast.engine.store;

import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.FoldResult;
import io.hypercast.model.Metrics;
import io.hypercast.model.Prediction;
import io.hypercast.model.Trial;
import io.hypercast.model.TrialState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Trials of an experiment. A finished trial (its state, metrics, folds and predictions) is written
 * in one transaction, so a kill never leaves half a trial.
 */
public final class TrialRepository {

    /** Inserts a trial (QUEUED or RUNNING), replacing an interrupted one of the same number on resume. */
    public void upsertStarted(Connection c, UUID experimentId, Trial t, String provenance) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM trial WHERE experiment_id = ? AND number = ?")) {
            del.setString(1, experimentId.toString());
            del.setInt(2, t.number());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO trial(experiment_id, number, state, parameters, started_at, seed, provenance) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, experimentId.toString());
            ps.setInt(2, t.number());
            ps.setString(3, t.state().name());
            ps.setString(4, SpecJson.writeParams(t.parameters()));
            Sql.setInstant(ps, 5, t.startedAt());
            ps.setLong(6, t.seed());
            ps.setString(7, provenance);
            ps.executeUpdate();
        }
    }

    public void markRunning(Connection c, UUID experimentId, int number, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE trial SET state = 'RUNNING', started_at = ? WHERE experiment_id = ? AND number = ? AND state = 'QUEUED'")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, experimentId.toString());
            ps.setInt(3, number);
            ps.executeUpdate();
        }
    }

    /** Writes a trial's end: state, metrics, error; and for a completed one its folds and predictions. */
    public void finish(Connection c, UUID experimentId, Trial t, List<FoldResult> folds, List<Prediction> predictions) throws SQLException {
        Metrics m = t.metrics();
        try (PreparedStatement ps = c.prepareStatement("UPDATE trial SET state = ?, parameters = ?, mae = ?, mse = ?, rmse = ?, mape = ?, rows = ?,"
                + " mape_zero_actuals = ?, objective = ?, error = ?, started_at = COALESCE(started_at, ?), finished_at = ?, worker = ?"
                + " WHERE experiment_id = ? AND number = ?")) {
            ps.setString(1, t.state().name());
            ps.setString(2, SpecJson.writeParams(t.parameters()));
            Sql.setDouble(ps, 3, m == null ? null : m.mae());
            Sql.setDouble(ps, 4, m == null ? null : m.mse());
            Sql.setDouble(ps, 5, m == null ? null : m.rmse());
            Sql.setDouble(ps, 6, m == null ? null : m.mape());
            if (m == null) {
                ps.setNull(7, Types.INTEGER);
                ps.setNull(8, Types.INTEGER);
            } else {
                ps.setLong(7, m.rows());
                ps.setLong(8, m.mapeZeroActuals());
            }
            Sql.setDouble(ps, 9, t.objective());
            ps.setString(10, t.error());
            Sql.setInstant(ps, 11, t.startedAt());
            Sql.setInstant(ps, 12, t.finishedAt());
            ps.setString(13, t.worker());
            ps.setString(14, experimentId.toString());
            ps.setInt(15, t.number());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("trial " + t.number() + " of " + experimentId + " was not started in the store");
            }
        }
        if (folds != null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO trial_fold(experiment_id, number, fold, fit_time, fit_rows,"
                    + " fit_seconds, predictions, skipped_null, mae, mse, rmse, mape) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (FoldResult f : folds) {
                    ps.setString(1, experimentId.toString());
                    ps.setInt(2, t.number());
                    ps.setInt(3, f.fold());
                    Sql.setInstant(ps, 4, f.fitReferenceTime());
                    ps.setInt(5, f.fitRows());
                    ps.setDouble(6, f.fitSeconds());
                    ps.setInt(7, f.predictions());
                    ps.setInt(8, f.skippedNullFeatures());
                    Metrics fm = f.metrics();
                    Sql.setDouble(ps, 9, fm == null ? null : fm.mae());
                    Sql.setDouble(ps, 10, fm == null ? null : fm.mse());
                    Sql.setDouble(ps, 11, fm == null ? null : fm.rmse());
                    Sql.setDouble(ps, 12, fm == null ? null : fm.mape());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (predictions != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO trial_predictions(experiment_id, number, n, data) VALUES (?,?,?,?)")) {
                ps.setString(1, experimentId.toString());
                ps.setInt(2, t.number());
                ps.setInt(3, predictions.size());
                ps.setBytes(4, encode(predictions));
                ps.executeUpdate();
            }
        }
    }

    /** Trials left QUEUED or RUNNING by a process that is gone become CANCELLED (interrupted). */
    public int cancelUnfinished(Connection c, UUID experimentId, String reason, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE trial SET state = 'CANCELLED', error = ?, finished_at = ?"
                + " WHERE experiment_id = ? AND state IN ('QUEUED','RUNNING')")) {
            ps.setString(1, reason);
            Sql.setInstant(ps, 2, at);
            ps.setString(3, experimentId.toString());
            return ps.executeUpdate();
        }
    }

    public List<Trial> list(Connection c, UUID experimentId) throws SQLException {
        List<Trial> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM trial WHERE experiment_id = ? ORDER BY number")) {
            ps.setString(1, experimentId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    public Optional<Trial> get(Connection c, UUID experimentId, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM trial WHERE experiment_id = ? AND number = ?")) {
            ps.setString(1, experimentId.toString());
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** The completed trial with the lowest objective; ties go to the earlier trial. */
    public Optional<Trial> best(Connection c, UUID experimentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM trial WHERE experiment_id = ? AND state = 'COMPLETED'"
                + " AND objective IS NOT NULL ORDER BY objective, number LIMIT 1")) {
            ps.setString(1, experimentId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<FoldResult> folds(Connection c, UUID experimentId, int number) throws SQLException {
        List<FoldResult> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM trial_fold WHERE experiment_id = ? AND number = ? ORDER BY fold")) {
            ps.setString(1, experimentId.toString());
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Double mae = Sql.dbl(rs, "mae");
                    Metrics m = mae == null ? null : new Metrics(mae, Sql.dbl(rs, "mse"), Sql.dbl(rs, "rmse"), Sql.dbl(rs, "mape"), 0, 0);
                    out.add(new FoldResult(rs.getInt("fold"), Sql.instant(rs, "fit_time"), rs.getInt("fit_rows"),
                            rs.getDouble("fit_seconds"), rs.getInt("predictions"), rs.getInt("skipped_null"), m));
                }
            }
        }
        return out;
    }

    public List<Prediction> predictions(Connection c, UUID experimentId, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n, data FROM trial_predictions WHERE experiment_id = ? AND number = ?")) {
            ps.setString(1, experimentId.toString());
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? decode(rs.getBytes("data"), rs.getInt("n")) : List.of();
            }
        }
    }

    private static byte[] encode(List<Prediction> rows) {
        ByteBuffer b = ByteBuffer.allocate(rows.size() * 32).order(ByteOrder.LITTLE_ENDIAN);
        for (Prediction p : rows) {
            b.putLong(p.time().toEpochMilli());
            b.putLong(p.referenceTime().toEpochMilli());
            b.putDouble(p.target() == null ? Double.NaN : p.target());
            b.putDouble(p.prediction());
        }
        b.flip();
        return Blobs.deflate(b);
    }

    private static List<Prediction> decode(byte[] blob, int n) {
        ByteBuffer b = Blobs.inflate(blob, n * 32);
        List<Prediction> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant t = Instant.ofEpochMilli(b.getLong());
            Instant r = Instant.ofEpochMilli(b.getLong());
            double target = b.getDouble();
            double pred = b.getDouble();
            out.add(new Prediction(t, r, Double.isNaN(target) ? null : target, pred));
        }
        return out;
    }

    private static Trial map(ResultSet rs) throws SQLException {
        Double mae = Sql.dbl(rs, "mae");
        Metrics m = mae == null ? null : new Metrics(mae, Sql.dbl(rs, "mse"), Sql.dbl(rs, "rmse"), Sql.dbl(rs, "mape"),
                rs.getLong("rows"), rs.getLong("mape_zero_actuals"));
        return new Trial(rs.getString("worker"), rs.getInt("number"), TrialState.valueOf(rs.getString("state")), SpecJson.readParams(rs.getString("parameters")),
                m, Sql.dbl(rs, "objective"), rs.getString("error"), Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"),
                rs.getLong("seed"));
    }

    /**
     * Trial counts and the best completed trial of one experiment, for tables that list many
     * experiments: completed, failed and running (QUEUED or RUNNING) trials, and the best trial's
     * objective and metrics (null while none completed).
     */
    public record Summary(UUID experimentId, int completed, int failed, int running, Double bestObjective, Metrics bestMetrics) {
    }

    /** The summary of every experiment of a project that has trials (not deleted ones), in two queries. */
    public Map<UUID, Summary> summaries(Connection c, UUID projectId) throws SQLException {
        Map<UUID, int[]> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.experiment_id,"
                + " SUM(CASE WHEN t.state = 'COMPLETED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN t.state = 'FAILED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN t.state IN ('QUEUED','RUNNING') THEN 1 ELSE 0 END)"
                + " FROM trial t JOIN experiment e ON e.id = t.experiment_id"
                + " WHERE e.project_id = ? AND e.deleted = 0 GROUP BY t.experiment_id")) {
            ps.setString(1, projectId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(UUID.fromString(rs.getString(1)), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)});
                }
            }
        }
        Map<UUID, Trial> best = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (SELECT t.*, ROW_NUMBER() OVER"
                + " (PARTITION BY t.experiment_id ORDER BY t.objective, t.number) AS best_rank"
                + " FROM trial t JOIN experiment e ON e.id = t.experiment_id"
                + " WHERE e.project_id = ? AND e.deleted = 0 AND t.state = 'COMPLETED' AND t.objective IS NOT NULL)"
                + " WHERE best_rank = 1")) {
            ps.setString(1, projectId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    best.put(UUID.fromString(rs.getString("experiment_id")), map(rs));
                }
            }
        }
        Map<UUID, Summary> out = new LinkedHashMap<>();
        counts.forEach((id, n) -> {
            Trial b = best.get(id);
            out.put(id, new Summary(id, n[0], n[1], n[2], b == null ? null : b.objective(), b == null ? null : b.metrics()));
        });
        return out;
    }
}
