package io.hypercast.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one writing connection. Each task runs in its own {@code BEGIN IMMEDIATE} transaction, so a
 * read-then-write (a guardrail check and the insert it guards) is atomic against other processes
 * too. Writers take turns in arrival order (a fair lock) and each runs its task on its own thread:
 * handing every write to a writer thread and waiting for it cost two thread wake-ups per write, about
 * 1 ms of the 3-4 ms between two trials of an HPO. The FX thread never calls this.
 */
final class StoreWriter implements AutoCloseable {
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final ConnectionFactory factory;
    private final ReentrantLock turn = new ReentrantLock(true);
    private Connection connection; // guarded by turn
    private boolean closed; // guarded by turn

    StoreWriter(ConnectionFactory factory) {
        this.factory = factory;
    }

    <T> T write(SqlWork<T> work) throws SQLException {
        if (turn.isHeldByCurrentThread()) {
            throw new IllegalStateException("nested write: run it inside the outer write's work");
        }
        // not interruptible: a write once asked for is done, as it was when a writer thread ran it
        turn.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            return runInTransaction(work);
        } finally {
            turn.unlock();
        }
    }

    private <T> T runInTransaction(SqlWork<T> work) throws SQLException {
        if (connection == null) {
            connection = factory.open();
        }
        Connection c = connection;
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        boolean done = false;
        try {
            T result = work.run(c);
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the original failure is what matters; SQLite may have rolled back already
                }
            }
        }
    }

    /** Waits for the write in progress, if any, then closes the connection; later writes are refused. */
    @Override
    public void close() {
        turn.lock();
        try {
            closed = true;
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing: nothing left to save
                }
                connection = null;
            }
        } finally {
            turn.unlock();
        }
    }
}
