package io.hypercast.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hypercast.engine.Engine;
import io.hypercast.engine.Settings;
import io.hypercast.engine.hpo.TrialScheduler;
import io.hypercast.engine.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store files the command line must not damage: another program's database, a file that is not a
 * database, a store from a newer Hypercast, a store another program holds locked, a read-only one,
 * a damaged one. Each gets exit code 1 and a "store: ..." message without a stack trace, and the
 * file's bytes are unchanged.
 */
class HostileStoreFileTest {
    @TempDir
    Path dir;

    private static String[] list(Path db) {
        return new String[] {"project", "list", "--db", db.toString()};
    }

    private Path newStore(String name) {
        Path db = dir.resolve(name);
        try (Engine engine = Engine.open(new Settings(dir, db, "reliability", Duration.ofMinutes(10)), new TrialScheduler(1, 1), Clock.systemUTC())) {
            engine.projects().create("kept", "a project that must survive");
        }
        return db;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anotherProgramsDatabaseIsRefusedUnchangedAndNothingIsLeftBeside() throws Exception {
        Path f = dir.resolve("invoices.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices(id INTEGER, total REAL)");
            s.execute("INSERT INTO invoices VALUES (1, 99.5)");
        }
        byte[] before = Files.readAllBytes(f);
        List<String> filesBefore = files();
        InProcessCli.run(list(f)).assertRefused(1, "store: ", "not a Hypercast store", f.getFileName().toString(), "unchanged");
        InProcessCli.run("project", "create", "--title", "x", "--db", f.toString()).assertRefused(1, "not a Hypercast store");
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(filesBefore, files(), "no journal or WAL file left beside it");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedUnchanged() throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "my notes, not a database\n".repeat(300));
        byte[] before = Files.readAllBytes(f);
        InProcessCli.run(list(f)).assertRefused(1, "store: ", "not a Hypercast store", "not an SQLite database");
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void aStoreFromANewerHypercastIsRefusedUnchanged() throws Exception {
        Path db = newStore("newer.db");
        try (Connection c = StoreProbe.readWrite(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Store.SCHEMA_VERSION + 1));
        }
        byte[] before = Files.readAllBytes(db);
        InProcessCli.run(list(db)).assertRefused(1, "store: ", "schema version " + (Store.SCHEMA_VERSION + 1), "update Hypercast");
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    /** Another program holds the write lock (BEGIN EXCLUSIVE): after the busy timeout, a clear message; nothing changed. */
    @Test
    void aStoreLockedByAnotherProgramGetsAClearMessageAndIsUnchanged() throws Exception {
        Path db = newStore("locked.db");
        byte[] before = Files.readAllBytes(db);
        Map<String, List<String>> rows = StoreProbe.dump(db, StoreProbe.ALL_TABLES);
        InProcessCli r;
        try (Connection locker = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = locker.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            long t0 = System.nanoTime();
            r = InProcessCli.run("project", "create", "--title", "blocked", "--db", db.toString());
            long waited = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(waited < 30_000, "gave up after " + waited + " ms");
            s.execute("ROLLBACK");
        }
        r.assertRefused(1, "store: ", "locked by another program", "try again");
        assertArrayEquals(before, Files.readAllBytes(db));
        assertEquals(rows, StoreProbe.dump(db, StoreProbe.ALL_TABLES));
        assertEquals(0, InProcessCli.run(list(db)).code(), "usable again once the lock is gone");
    }

    @Test
    void aReadOnlyStoreIsRefusedUnchanged() throws Exception {
        Path db = newStore("readonly.db");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--------"));
        // root writes through permission bits, so as root the file is made immutable instead (ext4's
        // chattr +i), which the kernel refuses to write for root too
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            assertEquals(0, new ProcessBuilder("chattr", "+i", db.toString()).inheritIO().start().waitFor(), "chattr +i");
        }
        try {
            byte[] before = Files.readAllBytes(db);
            InProcessCli.run(list(db)).assertRefused(1, "store: ", "read-only");
            assertArrayEquals(before, Files.readAllBytes(db));
        } finally {
            if (root) {
                new ProcessBuilder("chattr", "-i", db.toString()).inheritIO().start().waitFor();
            }
        }
    }

    @Test
    void aDamagedStoreGetsAMessageNotAStackTraceAndIsUnchanged() throws Exception {
        Path db = newStore("damaged.db");
        byte[] whole = Files.readAllBytes(db);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        Files.write(db, half);
        InProcessCli.run(list(db)).assertRefused(1, "store: ", "damaged.db", "malformed");
        assertArrayEquals(half, Files.readAllBytes(db));
    }

    @Test
    void aFolderIsNotAStore() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.db"));
        InProcessCli.run(list(folder)).assertRefused(1, "store: ", "folder");
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(0, s.count(), "nothing was created inside it");
        }
    }
}
