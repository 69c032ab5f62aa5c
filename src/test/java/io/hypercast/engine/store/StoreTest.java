package io.hypercast.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the store: ours, private, migrated; anything else is refused and left unchanged. */
class StoreTest {
    @TempDir
    Path dir;

    @Test
    void aNewStoreIsReadableByItsOwnerOnlyAndAtTheCurrentSchema() throws Exception {
        Path f = dir.resolve("sub/h.db");
        try (Store s = Store.open(f)) {
            int version = s.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(Store.SCHEMA_VERSION, version);
            String mode = s.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals("wal", mode);
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(f));
        try (Store again = Store.open(f)) {
            assertEquals(Boolean.TRUE, again.read(c -> Boolean.TRUE), "reopening an existing store works");
        }
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftUnchanged() throws Exception {
        Path f = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices(id INTEGER)");
            s.execute("INSERT INTO invoices VALUES (1)");
        }
        byte[] before = Files.readAllBytes(f);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(f));
        assertTrue(e.getMessage().contains("not a Hypercast store"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUnchanged() throws Exception {
        Path f = dir.resolve("notes.db");
        Files.writeString(f, "these are my notes, not a database\n".repeat(200));
        byte[] before = Files.readAllBytes(f);
        StoreException e = assertThrows(StoreException.class, () -> Store.open(f));
        assertTrue(e.getMessage().contains("not a Hypercast store"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void aStoreFromANewerHypercastIsRefused() throws Exception {
        Path f = dir.resolve("newer.db");
        Store.open(f).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Store.SCHEMA_VERSION + 1));
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open(f));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (Store s = Store.open(dir.resolve("tx.db"))) {
            assertThrows(IllegalStateException.class, () -> s.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO project(id, title, creator, created_at) VALUES ('p1', 't', 'me', 0)");
                }
                throw new IllegalStateException("boom after the insert");
            }));
            int n = s.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM project")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(0, n, "the transaction rolled back");
        }
    }
}
