package io.switchboard.inbox.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 */
public final class DurableH2DataSource extends DelegatingDataSource {

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

    /** Returns once a checkpoint that started after this call has written every earlier commit to the file. */
    void awaitDurable(Connection connection) throws SQLException {
        commits.incrementAndGet();
        lock.lock();
        try {
            long ticket = ++requested;
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
                    try (Statement checkpoint = connection.createStatement()) {
                        checkpoint.execute("CHECKPOINT");
                    }
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
                awaitDurable(target);
            }
        }

        /** After a statement that may write: in auto-commit mode it is committed already. */
        void wrote() throws SQLException {
            if (target.getAutoCommit()) {
                awaitDurable(target);
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
