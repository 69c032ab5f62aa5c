package io.hypercast.engine.store;

import io.hypercast.engine.spec.SpecJson;
import io.hypercast.model.Experiment;
import io.hypercast.model.ExperimentKind;
import io.hypercast.model.HpoSpec;
import io.hypercast.model.HpoState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Backtests and HPOs with the state of their run. */
public final class ExperimentRepository {

    public void insert(Connection c, Experiment e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO experiment(id, project_id, kind, title, model_id, spec, state, creator, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, e.id().toString());
            ps.setString(2, e.projectId().toString());
            ps.setString(3, e.kind().name());
            ps.setString(4, e.title());
            ps.setString(5, e.modelId().toString());
            ps.setString(6, specJson(e));
            ps.setString(7, e.state().name());
            ps.setString(8, e.creator());
            Sql.setInstant(ps, 9, e.createdAt());
            ps.executeUpdate();
        }
    }

    /** Replaces a draft's definition; refused by the caller unless the state is DRAFT. */
    public void updateDraft(Connection c, Experiment e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiment SET title = ?, model_id = ?, spec = ? WHERE id = ? AND state = 'DRAFT'")) {
            ps.setString(1, e.title());
            ps.setString(2, e.modelId().toString());
            ps.setString(3, specJson(e));
            ps.setString(4, e.id().toString());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("experiment " + e.id() + " is no longer a draft");
            }
        }
    }

    private static String specJson(Experiment e) {
        return e.hpo() != null ? SpecJson.write(e.hpo()) : SpecJson.write(e.backtest());
    }

    /** Marks the run started by this process: PENDING, with its deadline and owner for crash detection. */
    public void start(Connection c, UUID id, Instant now, Instant deadline, long pid, String host) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE experiment SET state = 'PENDING', cancel_requested = 0, started_at = COALESCE(started_at, ?), deadline_at = ?, owner_pid = ?, owner_host = ?,"
                        + " heartbeat_at = ?, finished_at = NULL, error = NULL WHERE id = ?")) {
            Sql.setInstant(ps, 1, now);
            Sql.setInstant(ps, 2, deadline);
            ps.setLong(3, pid);
            ps.setString(4, host);
            Sql.setInstant(ps, 5, now);
            ps.setString(6, id.toString());
            ps.executeUpdate();
        }
    }

    public void setState(Connection c, UUID id, HpoState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiment SET state = ? WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, id.toString());
            ps.executeUpdate();
        }
    }

    public void finish(Connection c, UUID id, HpoState state, Instant at, boolean timedOut, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE experiment SET state = ?, finished_at = ?, timed_out = ?, error = ?, owner_pid = NULL WHERE id = ?")) {
            ps.setString(1, state.name());
            Sql.setInstant(ps, 2, at);
            ps.setInt(3, timedOut ? 1 : 0);
            if (error == null) {
                ps.setNull(4, Types.VARCHAR);
            } else {
                ps.setString(4, error);
            }
            ps.setString(5, id.toString());
            ps.executeUpdate();
        }
    }

    /**
     * Whether the process {@code pid} may still write the run: it is active (or, for a run being
     * started, a draft) and started by that process or by none recorded. False once another
     * process has marked it INTERRUPTED or claimed it to resume it: the run's writes check this in
     * their own transaction, so two processes never run one HPO.
     */
    public boolean ownedBy(Connection c, UUID id, long pid, boolean starting) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state, owner_pid FROM experiment WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                HpoState state = HpoState.valueOf(rs.getString(1));
                long owner = rs.getLong(2);
                boolean noOwner = rs.wasNull();
                return (state.isActive() || starting && state == HpoState.DRAFT) && (noOwner || owner == pid);
            }
        }
    }

    public void heartbeat(Connection c, UUID id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiment SET heartbeat_at = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, id.toString());
            ps.executeUpdate();
        }
    }

    /** Asks the process that runs an experiment to cancel it (it polls this with its heartbeat). */
    public void requestCancel(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiment SET cancel_requested = 1 WHERE id = ?")) {
            ps.setString(1, id.toString());
            ps.executeUpdate();
        }
    }

    public boolean cancelRequested(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cancel_requested FROM experiment WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    public void markDeleted(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiment SET deleted = 1 WHERE id = ?")) {
            ps.setString(1, id.toString());
            ps.executeUpdate();
        }
    }

    public Optional<Experiment> get(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM experiment WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<Experiment> list(Connection c, UUID projectId, ExperimentKind kind) throws SQLException {
        List<Experiment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM experiment WHERE project_id = ? AND kind = ? AND deleted = 0 ORDER BY created_at, rowid")) {
            ps.setString(1, projectId.toString());
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    /** Runs in an active state (PENDING, LOADING_DATA, RUNNING) of a kind, in a project or (projectId null) for a creator. */
    public int countActive(Connection c, ExperimentKind kind, UUID projectId, String creator) throws SQLException {
        String where = projectId != null ? "project_id = ?" : "creator = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM experiment WHERE kind = ? AND deleted = 0 AND "
                + where + " AND state IN ('PENDING','LOADING_DATA','RUNNING')")) {
            ps.setString(1, kind.name());
            ps.setString(2, projectId != null ? projectId.toString() : creator);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Active runs with their owner, for crash detection at start-up. */
    public record Owner(UUID id, Long pid, String host, Instant heartbeat) {
    }

    /**
     * Marks a run INTERRUPTED if it is still as {@code seen} left it: active, same owner, same
     * heartbeat. False when its owner wrote meanwhile (a heartbeat, its end), so a run that just
     * finished is never turned INTERRUPTED.
     */
    public boolean markInterrupted(Connection c, Owner seen, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE experiment SET state = 'INTERRUPTED', finished_at = NULL, timed_out = 0,"
                + " error = ?, owner_pid = NULL WHERE id = ? AND state IN ('PENDING','LOADING_DATA','RUNNING')"
                + " AND owner_pid IS ? AND owner_host IS ? AND heartbeat_at IS ?")) {
            ps.setString(1, error);
            ps.setString(2, seen.id().toString());
            if (seen.pid() == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setLong(3, seen.pid());
            }
            ps.setString(4, seen.host());
            Sql.setInstant(ps, 5, seen.heartbeat());
            return ps.executeUpdate() == 1;
        }
    }

    public List<Owner> activeOwners(Connection c) throws SQLException {
        List<Owner> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, owner_pid, owner_host, heartbeat_at FROM experiment WHERE state IN ('PENDING','LOADING_DATA','RUNNING')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long pid = rs.getLong("owner_pid");
                Long p = rs.wasNull() ? null : pid;
                out.add(new Owner(UUID.fromString(rs.getString("id")), p, rs.getString("owner_host"), Sql.instant(rs, "heartbeat_at")));
            }
        }
        return out;
    }

    private static Experiment map(ResultSet rs) throws SQLException {
        ExperimentKind kind = ExperimentKind.valueOf(rs.getString("kind"));
        String spec = rs.getString("spec");
        HpoSpec hpo = kind == ExperimentKind.HPO ? SpecJson.readHpo(spec) : null;
        return new Experiment(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("project_id")), kind,
                rs.getString("title"), UUID.fromString(rs.getString("model_id")),
                hpo != null ? hpo.backtest() : SpecJson.readBacktest(spec), hpo, HpoState.valueOf(rs.getString("state")),
                rs.getString("creator"), Sql.instant(rs, "created_at"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"), rs.getInt("timed_out") == 1, rs.getString("error"));
    }
}
