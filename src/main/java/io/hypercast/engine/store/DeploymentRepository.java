package io.hypercast.engine.store;

import io.hypercast.model.Deployment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

public final class DeploymentRepository {

    public void insert(Connection c, Deployment d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO deployment(id, project_id, title, active, reason, created_at, activated_at) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, d.id().toString());
            ps.setString(2, d.projectId().toString());
            ps.setString(3, d.title());
            ps.setInt(4, d.active() ? 1 : 0);
            ps.setString(5, d.reason());
            Sql.setInstant(ps, 6, d.createdAt());
            Sql.setInstant(ps, 7, d.active() ? d.createdAt() : null);
            ps.executeUpdate();
        }
    }

    public List<Deployment> all(Connection c) throws SQLException {
        List<Deployment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM deployment ORDER BY created_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    public java.util.Optional<Deployment> get(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM deployment WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(map(rs)) : java.util.Optional.empty();
            }
        }
    }

    public void deactivate(Connection c, UUID id, java.time.Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE deployment SET active = 0, deactivated_at = ? WHERE id = ? AND active = 1")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, id.toString());
            ps.executeUpdate();
        }
    }

    private static Deployment map(ResultSet rs) throws SQLException {
        return new Deployment(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("project_id")), rs.getString("title"),
                rs.getInt("active") == 1, rs.getString("reason"), Sql.instant(rs, "created_at"));
    }

    public List<Deployment> forProject(Connection c, UUID projectId) throws SQLException {
        List<Deployment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM deployment WHERE project_id = ? ORDER BY created_at")) {
            ps.setString(1, projectId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }
}
