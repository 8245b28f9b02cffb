package io.switchboard.inbox.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Wraps a data source so a test can count the SQL statements sent through it: each
 * {@code execute*} call on a statement counts once (with its SQL, to print when a count is off),
 * commits are counted apart.
 */
public final class StatementCounter {

    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final List<String> commits = new CopyOnWriteArrayList<>();

    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c
                ? connection(c) : result);
    }

    public void reset() {
        executed.clear();
        commits.clear();
    }

    /** The SQL of each statement executed since the last reset, in order. */
    public List<String> statements() {
        return List.copyOf(executed);
    }

    public int commits() {
        return commits.size();
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            if (method.equals("commit")) {
                commits.add("commit");
            }
            if (result instanceof Statement s) {
                String sql = method.startsWith("prepare") && args != null && args[0] instanceof String q ? q : null;
                return statement(s, sql);
            }
            return result;
        });
    }

    private Statement statement(Statement target, String preparedSql) {
        Class<? extends Statement> type = target instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : target instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return proxy(type, target, (method, args) -> {
            if (method.startsWith("execute")) {
                executed.add(preparedSql != null ? preparedSql
                        : args != null && args.length > 0 && args[0] instanceof String q ? q : method);
            }
        }, (method, args, result) -> result);
    }

    private <T> T proxy(Class<T> type, Object target, After after) {
        return proxy(type, target, (method, args) -> { }, after);
    }

    private interface Before {
        void accept(String method, Object[] args);
    }

    private interface After {
        Object apply(String method, Object[] args, Object result) throws Exception;
    }

    /** Counts before the call, so a statement the database refuses still counts. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Before before, After after) {
        InvocationHandler handler = (p, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return method.invoke(target, args);
            }
            before.accept(method.getName(), args);
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method.getName(), args, result);
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
