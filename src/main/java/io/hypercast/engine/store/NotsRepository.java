package io.hypercast.engine.store;

import io.hypercast.model.Edge;
import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A project's NoTS: nodes, edges and the imported observations of its sources. */
public final class NotsRepository {

    /** Observations of one source column on a regular grid (NaN = missing). */
    public record StoredSeries(long startSeconds, long periodSeconds, double[] values) {
    }

    public void insertNode(Connection c, Node n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO node(id, project_id, name, kind, type, settings, created_at) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, n.id().toString());
            ps.setString(2, n.projectId().toString());
            ps.setString(3, n.name());
            ps.setString(4, n.kind().name());
            ps.setString(5, n.type());
            ps.setString(6, Json.write(n.settings()));
            ps.setLong(7, Instant.now().toEpochMilli());
            ps.executeUpdate();
        }
    }

    public void updateSettings(Connection c, UUID nodeId, java.util.Map<String, Object> settings) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE node SET settings = ? WHERE id = ?")) {
            ps.setString(1, Json.write(settings));
            ps.setString(2, nodeId.toString());
            ps.executeUpdate();
        }
    }

    public void deleteNode(Connection c, UUID nodeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM node WHERE id = ?")) {
            ps.setString(1, nodeId.toString());
            ps.executeUpdate();
        }
    }

    public void insertEdge(Connection c, UUID projectId, Edge e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO edge(project_id, from_node, from_port, to_node, to_port, position) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, projectId.toString());
            ps.setString(2, e.fromNode().toString());
            ps.setString(3, e.fromPort());
            ps.setString(4, e.toNode().toString());
            ps.setString(5, e.toPort());
            ps.setInt(6, e.position());
            ps.executeUpdate();
        }
    }

    public List<Node> nodes(Connection c, UUID projectId) throws SQLException {
        List<Node> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM node WHERE project_id = ? ORDER BY created_at, rowid")) {
            ps.setString(1, projectId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    public Optional<Node> node(Connection c, UUID nodeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM node WHERE id = ?")) {
            ps.setString(1, nodeId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<Edge> edges(Connection c, UUID projectId) throws SQLException {
        List<Edge> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM edge WHERE project_id = ? ORDER BY position, id")) {
            ps.setString(1, projectId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Edge(UUID.fromString(rs.getString("from_node")), rs.getString("from_port"),
                            UUID.fromString(rs.getString("to_node")), rs.getString("to_port"), rs.getInt("position")));
                }
            }
        }
        return out;
    }

    public void putSeries(Connection c, UUID nodeId, String column, StoredSeries s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO series_data(node_id, column, start_s, period_s, n, data) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, nodeId.toString());
            ps.setString(2, column);
            ps.setLong(3, s.startSeconds());
            ps.setLong(4, s.periodSeconds());
            ps.setInt(5, s.values().length);
            ps.setBytes(6, Blobs.doubles(s.values()));
            ps.executeUpdate();
        }
    }

    public Optional<StoredSeries> series(Connection c, UUID nodeId, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM series_data WHERE node_id = ? AND column = ?")) {
            ps.setString(1, nodeId.toString());
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int n = rs.getInt("n");
                return Optional.of(new StoredSeries(rs.getLong("start_s"), rs.getLong("period_s"), Blobs.doubles(rs.getBytes("data"), n)));
            }
        }
    }

    private static Node map(ResultSet rs) throws SQLException {
        return new Node(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("project_id")), rs.getString("name"),
                NodeKind.valueOf(rs.getString("kind")), rs.getString("type"), Json.readMap(rs.getString("settings")));
    }
}
