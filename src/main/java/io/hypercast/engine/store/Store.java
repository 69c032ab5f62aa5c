package io.hypercast.engine.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The SQLite file. Opening checks that the file is a Hypercast store (application_id) of a schema
 * this program knows, then applies the ordered migrations. All writes go through one {@link
 * StoreWriter} connection, one at a time; reads use their own connections (WAL lets them run beside
 * the writer).
 *
 * <p>Thread-safe: {@link #read} may be called from any thread.
 */
public final class Store implements AutoCloseable {
    /** "HYPC": marks the file as ours, so that a stranger's database is never modified. */
    static final int APPLICATION_ID = 0x48595043;
    static final String[] MIGRATIONS = {"V1__initial.sql", "V2__policies_and_forecasts.sql", "V3__trial_worker.sql"};
    public static final int SCHEMA_VERSION = MIGRATIONS.length;

    private final Path file;
    private final String url;
    private final StoreWriter writer;

    private Store(Path file) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.writer = new StoreWriter(this::connect);
    }

    /** Opens (creating if needed) the store at {@code file}; the file is readable by its owner only. */
    public static Store open(Path file) {
        Path abs = file.toAbsolutePath();
        boolean existed = Files.exists(abs);
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            if (!existed) {
                createPrivate(abs);
            } else if (!Files.isWritable(abs)) {
                throw new StoreException("the store " + abs + " is read-only; Hypercast needs to write to it (check its permissions)");
            } else if (Files.isDirectory(abs)) {
                throw new StoreException("the store path " + abs + " is a folder, not a file");
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the store " + abs + ": " + e.getMessage(), e);
        }
        Store store = new Store(abs);
        try {
            store.migrate();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static void createPrivate(Path abs) throws IOException {
        try {
            Files.createFile(abs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(abs); // not POSIX (Windows): the user's profile folder is private already
        }
    }

    public Path file() {
        return file;
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("foreign_keys", "true");
        p.setProperty("busy_timeout", "10000");
        Connection c = DriverManager.getConnection(url, p);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA synchronous = NORMAL");
        }
        return c;
    }

    private void migrate() {
        try {
            writer.write(c -> {
                try (Statement s = c.createStatement()) {
                    int appId = intPragma(s, "application_id");
                    int version = intPragma(s, "user_version");
                    if (appId != APPLICATION_ID) {
                        if (appId != 0 || hasTables(s)) {
                            throw new StoreException("the file " + file + " is not a Hypercast store; it was left unchanged (name another file with --db)");
                        }
                    }
                    if (version > SCHEMA_VERSION) {
                        throw new StoreException("the store " + file + " has schema version " + version
                                + ", newer than this Hypercast understands (" + SCHEMA_VERSION + "); update Hypercast. The file was left unchanged");
                    }
                    for (int v = version; v < SCHEMA_VERSION; v++) {
                        for (String sql : statements(MIGRATIONS[v])) {
                            s.execute(sql);
                        }
                        s.execute("PRAGMA application_id = " + APPLICATION_ID);
                        s.execute("PRAGMA user_version = " + (v + 1));
                    }
                }
                return null;
            });
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private StoreException translate(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_NOTADB") || m.contains("not a database")) {
            return new StoreException("the file " + file + " is not a Hypercast store (not an SQLite database); it was left unchanged", e);
        }
        if (m.contains("SQLITE_BUSY") || m.contains("locked")) {
            return new StoreException("the store " + file + " is locked by another program; close it and try again", e);
        }
        if (m.contains("READONLY")) {
            return new StoreException("the store " + file + " is read-only; Hypercast needs to write to it", e);
        }
        return new StoreException("cannot open the store " + file + ": " + m, e);
    }

    private static int intPragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static List<String> statements(String resource) {
        try (InputStream in = Store.class.getResourceAsStream("/db/migrations/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (String line : sql.split("\n")) {
                String t = line.strip();
                if (t.startsWith("--") || t.isEmpty()) {
                    continue;
                }
                cur.append(line).append('\n');
                if (t.endsWith(";")) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} in one IMMEDIATE transaction on the writing connection, after any write in progress, and returns its result. */
    public <T> T write(SqlWork<T> work) {
        try {
            return writer.write(work);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs {@code work} on a fresh read connection of the calling thread. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
