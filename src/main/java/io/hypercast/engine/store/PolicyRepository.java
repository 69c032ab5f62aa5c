package io.hypercast.engine.store;

import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.CronTiming;
import io.hypercast.model.Forecast;
import io.hypercast.model.Policy;
import io.hypercast.model.PolicyKind;
import io.hypercast.model.PolicyRun;
import io.hypercast.model.RelativeTiming;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Policies, the runs of deployed policies, and forecasts. */
public final class PolicyRepository {

    public void insert(Connection c, Policy p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy(id, project_id, kind, model_id, schedule, start_timing, end_timing,"
                + " created_at) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, p.id().toString());
            ps.setString(2, p.projectId().toString());
            ps.setString(3, p.kind().name());
            ps.setString(4, p.modelId().toString());
            ps.setString(5, SpecJson.writeTiming(p.schedule()));
            ps.setString(6, SpecJson.writeTiming(p.startTiming()));
            ps.setString(7, SpecJson.writeTiming(p.endTiming()));
            Sql.setInstant(ps, 8, p.createdAt());
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM policy WHERE id = ?")) {
            ps.setString(1, id.toString());
            ps.executeUpdate();
        }
    }

    public List<Policy> forProject(Connection c, UUID projectId) throws SQLException {
        List<Policy> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM policy WHERE project_id = ? ORDER BY created_at, rowid")) {
            ps.setString(1, projectId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Policy(UUID.fromString(rs.getString("id")), projectId, PolicyKind.valueOf(rs.getString("kind")),
                            UUID.fromString(rs.getString("model_id")), (CronTiming) SpecJson.readTiming(rs.getString("schedule")),
                            (RelativeTiming) SpecJson.readTiming(rs.getString("start_timing")),
                            (RelativeTiming) SpecJson.readTiming(rs.getString("end_timing")), Sql.instant(rs, "created_at")));
                }
            }
        }
        return out;
    }

    /** Claims a run of a policy at a scheduled time; empty when it was claimed before (it runs once). */
    public Optional<Long> claimRun(Connection c, UUID deploymentId, UUID policyId, Instant scheduled, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO policy_run(deployment_id, policy_id, scheduled_time, state, started_at)"
                + " VALUES (?,?,?, 'RUNNING', ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, deploymentId.toString());
            ps.setString(2, policyId.toString());
            Sql.setInstant(ps, 3, scheduled);
            Sql.setInstant(ps, 4, now);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        }
    }

    public void finishRun(Connection c, long runId, String state, Instant at, Instant fitTime, Integer rows, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE policy_run SET state = ?, finished_at = ?, fit_time = ?, rows = ?, error = ? WHERE id = ?")) {
            ps.setString(1, state);
            Sql.setInstant(ps, 2, at);
            Sql.setInstant(ps, 3, fitTime);
            if (rows == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, rows);
            }
            ps.setString(5, error);
            ps.setLong(6, runId);
            ps.executeUpdate();
        }
    }

    /** The latest scheduled time a policy has a run for in a deployment, or null. */
    public Instant lastRun(Connection c, UUID deploymentId, UUID policyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(scheduled_time) FROM policy_run WHERE deployment_id = ? AND policy_id = ?")) {
            ps.setString(1, deploymentId.toString());
            ps.setString(2, policyId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : Instant.ofEpochMilli(v);
            }
        }
    }

    public List<PolicyRun> runs(Connection c, UUID deploymentId) throws SQLException {
        List<PolicyRun> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM policy_run WHERE deployment_id = ? ORDER BY scheduled_time, id")) {
            ps.setString(1, deploymentId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rows = rs.getLong("rows");
                    Integer r = rs.wasNull() ? null : (int) rows;
                    out.add(new PolicyRun(rs.getLong("id"), deploymentId, UUID.fromString(rs.getString("policy_id")),
                            Sql.instant(rs, "scheduled_time"), rs.getString("state"), Sql.instant(rs, "started_at"),
                            Sql.instant(rs, "finished_at"), Sql.instant(rs, "fit_time"), r, rs.getString("error")));
                }
            }
        }
        return out;
    }

    public void insertForecast(Connection c, long runId, Forecast f, Instant now) throws SQLException {
        ByteBuffer b = ByteBuffer.allocate(f.points().size() * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Forecast.Point p : f.points()) {
            b.putLong(p.time().toEpochMilli());
            b.putDouble(p.value());
        }
        b.flip();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO forecast(deployment_id, policy_run_id, model_id, reference_time, fit_time, n,"
                + " data, created_at) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, f.deploymentId().toString());
            ps.setLong(2, runId);
            ps.setString(3, f.modelId().toString());
            Sql.setInstant(ps, 4, f.referenceTime());
            Sql.setInstant(ps, 5, f.fitTime());
            ps.setInt(6, f.points().size());
            ps.setBytes(7, Blobs.deflate(b));
            Sql.setInstant(ps, 8, now);
            ps.executeUpdate();
        }
    }

    public List<Forecast> forecasts(Connection c, UUID deploymentId) throws SQLException {
        List<Forecast> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM forecast WHERE deployment_id = ? ORDER BY reference_time, id")) {
            ps.setString(1, deploymentId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt("n");
                    ByteBuffer b = Blobs.inflate(rs.getBytes("data"), n * 16);
                    List<Forecast.Point> pts = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        pts.add(new Forecast.Point(Instant.ofEpochMilli(b.getLong()), b.getDouble()));
                    }
                    out.add(new Forecast(rs.getLong("id"), deploymentId, UUID.fromString(rs.getString("model_id")),
                            Sql.instant(rs, "reference_time"), Sql.instant(rs, "fit_time"), pts));
                }
            }
        }
        return out;
    }
}
