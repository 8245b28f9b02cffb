package io.switchboard.inbox.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * An H2 file database whose commits are on disk when they return, written in groups. H2 keeps committed
 * changes in memory and writes them to its file in the background (within its {@code WRITE_DELAY}); a hub
 * killed meanwhile lost commits it had acknowledged (to the broker, to an agent). {@code WRITE_DELAY=0}
 * writes the file at every commit, one write per transaction of every thread.
 *
 * <p>Here every commit that follows a write — {@link Connection#commit()}, a write in auto-commit mode,
 * switching auto-commit back on — waits until a {@code CHECKPOINT} that began after it has finished (a
 * transaction that only read waits for nothing). The first thread to wait
 * runs it, on its own connection, for every commit made until then; the threads that commit while it
 * runs share the next one. Under load many transactions share one file write.
 *
 * <p>{@link #durableOnReturn} moves the wait to the end of a piece of work: its commits return once
 * committed (other transactions see them), and the work returns once all of them are on the file. For work
 * that shows a commit to someone before it is acknowledged to anyone (see its comment).
 */
public final class DurableH2DataSource extends DelegatingDataSource {

    /** The commits of the current {@link #durableOnReturn} scope not yet waited for: data source → its last ticket. */
    private static final ThreadLocal<Map<DurableH2DataSource, Long>> DEFERRED = new ThreadLocal<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushedChanged = lock.newCondition();
    private long requested;
    private long flushed;
    private boolean flushing;
    private final AtomicLong checkpoints = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    public DurableH2DataSource(DataSource target) {
        super(target);
    }

    /** Whether {@code url} names an H2 database kept in a file (the one kind that needs this). */
    public static boolean isH2File(String url) {
        return url != null && url.startsWith("jdbc:h2:file:");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(obtainTargetDataSource().getConnection(username, password));
    }

    /** Commits made durable so far, and the file writes that did it (fewer, under concurrent load). */
    public long commits() {
        return commits.get();
    }

    public long checkpoints() {
        return checkpoints.get();
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandler(connection));
    }

    /**
     * Runs {@code work}, whose commits on any {@code DurableH2DataSource} return as soon as they are committed,
     * and returns (or throws) only once every one of them is on the file. So a transaction's result can be
     * acted on before the file write — the inbox pushes a batch to agents — while the work's caller still
     * acknowledges nothing that is not on disk: the broker forgets a batch only after this returns. Should
     * the process die in between, the broker delivers the batch again and the inbox stores it again. Nested
     * scopes wait at the outermost one. Without any H2 file (PostgreSQL) it only runs {@code work}.
     */
    public static <T> T durableOnReturn(Supplier<T> work) {
        if (DEFERRED.get() != null) {
            return work.get();
        }
        Map<DurableH2DataSource, Long> deferred = new HashMap<>();
        DEFERRED.set(deferred);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            DEFERRED.remove();
            try {
                awaitAll(deferred); // a retry may find these rows and acknowledge without writing anything
            } catch (SQLException | RuntimeException flushFailed) {
                e.addSuppressed(flushFailed);
            }
            throw e;
        }
        DEFERRED.remove();
        try {
            awaitAll(deferred);
        } catch (SQLException e) {
            throw new IllegalStateException("Committed changes could not be written to the H2 file: " + e.getMessage(), e);
        }
        return result;
    }

    private static void awaitAll(Map<DurableH2DataSource, Long> deferred) throws SQLException {
        for (Map.Entry<DurableH2DataSource, Long> pending : deferred.entrySet()) {
            DurableH2DataSource dataSource = pending.getKey();
            dataSource.awaitFlushed(pending.getValue(), null);
        }
    }

    /** A commit was made: waits until it is on the file, or in a {@link #durableOnReturn} scope notes it for later. */
    private void committed(Connection connection) throws SQLException {
        commits.incrementAndGet();
        long ticket = nextTicket();
        Map<DurableH2DataSource, Long> deferred = DEFERRED.get();
        if (deferred != null) {
            deferred.merge(this, ticket, Math::max);
            return;
        }
        awaitFlushed(ticket, connection);
    }

    private long nextTicket() {
        lock.lock();
        try {
            return ++requested;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once a checkpoint that started after {@code ticket} was taken has written every earlier commit to
     * the file. Should this thread run it, it does so on {@code own}, or on a connection of its own if null.
     */
    private void awaitFlushed(long ticket, Connection own) throws SQLException {
        lock.lock();
        try {
            while (flushed < ticket) {
                if (flushing) {
                    flushedChanged.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long upTo = requested;
                boolean done = false;
                lock.unlock();
                try {
                    checkpoint(own);
                    checkpoints.incrementAndGet();
                    done = true;
                } finally {
                    lock.lock();
                    if (done) {
                        flushed = Math.max(flushed, upTo);
                    }
                    flushing = false;
                    flushedChanged.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkpoint(Connection own) throws SQLException {
        if (own != null) {
            checkpointOn(own);
            return;
        }
        try (Connection connection = obtainTargetDataSource().getConnection()) {
            checkpointOn(connection);
        }
    }

    private static void checkpointOn(Connection connection) throws SQLException {
        try (Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT");
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private final class ConnectionHandler implements InvocationHandler {

        private final Connection target;
        /** A write ran in the open transaction: its commit must reach the file. */
        private boolean written;

        ConnectionHandler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    target.commit();
                    committed();
                    return null;
                }
                case "setAutoCommit" -> {
                    boolean commitsNow = (Boolean) args[0] && !target.getAutoCommit();
                    target.setAutoCommit((Boolean) args[0]);
                    if (commitsNow) {
                        committed();
                    }
                    return null;
                }
                case "rollback" -> {
                    Object result = DurableH2DataSource.invoke(target, method, args);
                    if (args == null) {
                        written = false; // a rollback to a savepoint keeps what came before it
                    }
                    return result;
                }
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    Object statement = DurableH2DataSource.invoke(target, method, args);
                    return Proxy.newProxyInstance(Statement.class.getClassLoader(),
                            new Class<?>[] {method.getReturnType()}, new StatementHandler(statement, this, proxy));
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    return DurableH2DataSource.invoke(target, method, args);
                }
            }
        }

        private void committed() throws SQLException {
            if (written) {
                written = false;
                DurableH2DataSource.this.committed(target);
            }
        }

        /** After a statement that may write: in auto-commit mode it is committed already. */
        void wrote() throws SQLException {
            if (target.getAutoCommit()) {
                DurableH2DataSource.this.committed(target);
            } else {
                written = true;
            }
        }
    }

    private final class StatementHandler implements InvocationHandler {

        private final Object target;
        private final ConnectionHandler connection;
        private final Object connectionProxy;

        StatementHandler(Object target, ConnectionHandler connection, Object connectionProxy) {
            this.target = target;
            this.connection = connection;
            this.connectionProxy = connectionProxy;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connectionProxy;
            }
            Object result = DurableH2DataSource.invoke(target, method, args);
            boolean writes = name.equals("execute") || name.equals("executeUpdate") || name.equals("executeLargeUpdate")
                    || name.equals("executeBatch") || name.equals("executeLargeBatch");
            if (writes) {
                connection.wrote();
            }
            return result;
        }
    }
}
