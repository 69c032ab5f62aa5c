package io.hypercast.reliability;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Looks into a store file from outside the engine, the way another program would: raw sqlite-jdbc
 * connections, read-only unless said otherwise. Dumps make "the store is unchanged" a comparison of
 * every row of the tables that matter.
 */
final class StoreProbe {
    /** Every table of schema version 1. */
    static final List<String> ALL_TABLES = List.of("project", "node", "edge", "series_data", "experiment", "trial", "trial_fold",
            "trial_predictions", "deployment");
    /** What an import writes. */
    static final List<String> NOTS_TABLES = List.of("project", "node", "edge", "series_data", "deployment");

    private StoreProbe() {
    }

    /** A read-only connection that never changes the file; waits up to 5 s for a writer's lock. */
    static Connection readOnly(Path db) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(5000);
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), cfg.toProperties());
    }

    /** A plain read-write connection, as another program would open it. */
    static Connection readWrite(Path db) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(5000);
        return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), cfg.toProperties());
    }

    static String integrityCheck(Path db) throws SQLException {
        try (Connection c = readOnly(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return String.join("\n", lines);
        }
    }

    /** Each table's rows in rowid order, one string per row with every column (blobs as a SHA-256). */
    static Map<String, List<String>> dump(Path db, List<String> tables) throws SQLException {
        try (Connection c = readOnly(db)) {
            return dump(c, tables);
        }
    }

    static Map<String, List<String>> dump(Connection c, List<String> tables) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : tables) {
            out.put(t, rows(c, "SELECT * FROM " + t + " ORDER BY rowid"));
        }
        return out;
    }

    static List<String> rows(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        sb.append(i == 1 ? "" : " | ").append(md.getColumnName(i)).append('=').append(v instanceof byte[] b ? sha(b) : v);
                    }
                    out.add(sb.toString());
                }
            }
        }
        return out;
    }

    static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static String string(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String sha(byte[] b) {
        try {
            return "blob:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
