package io.hypercast.engine.store;

import io.hypercast.model.Project;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Projects. Methods taking a Connection run inside the caller's read or write. */
public final class ProjectRepository {

    public void insert(Connection c, Project p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO project(id, title, description, creator, created_at, is_demo) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, p.id().toString());
            ps.setString(2, p.title());
            ps.setString(3, p.description() == null ? "" : p.description());
            ps.setString(4, p.creator());
            Sql.setInstant(ps, 5, p.createdAt());
            ps.setInt(6, p.demo() ? 1 : 0);
            ps.executeUpdate();
        }
    }

    public void rename(Connection c, UUID id, String title) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE project SET title = ? WHERE id = ?")) {
            ps.setString(1, title);
            ps.setString(2, id.toString());
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM project WHERE id = ?")) {
            ps.setString(1, id.toString());
            ps.executeUpdate();
        }
    }

    public Optional<Project> get(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM project WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<Project> list(Connection c) throws SQLException {
        List<Project> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM project ORDER BY created_at, title");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    public Optional<Project> findDemo(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM project WHERE is_demo = 1 ORDER BY created_at LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static Project map(ResultSet rs) throws SQLException {
        return new Project(UUID.fromString(rs.getString("id")), rs.getString("title"), rs.getString("description"),
                rs.getString("creator"), Sql.instant(rs, "created_at"), rs.getInt("is_demo") == 1);
    }
}
