package io.hypercast.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes. Each task runs in its own {@code BEGIN IMMEDIATE} transaction, so a
 * read-then-write (a guardrail check and the insert it guards) is atomic against other processes
 * too. Callers wait for their task; the FX thread never calls this.
 */
final class StoreWriter implements AutoCloseable {
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final ConnectionFactory factory;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hypercast-store-writer");
        t.setDaemon(true);
        return t;
    });
    private Connection connection; // confined to the writer thread

    StoreWriter(ConnectionFactory factory) {
        this.factory = factory;
    }

    <T> T write(SqlWork<T> work) throws SQLException {
        if (Thread.currentThread().getName().equals("hypercast-store-writer")) {
            throw new IllegalStateException("nested write: run it inside the outer write's work");
        }
        Future<T> f = thread.submit(() -> runInTransaction(work));
        try {
            return f.get();
        } catch (InterruptedException e) {
            // the task still runs to its end; we only stop waiting for it
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the store", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SQLException s) {
                throw s;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new SQLException(c);
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

    @Override
    public void close() {
        thread.submit(() -> {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing: nothing left to save
                }
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
