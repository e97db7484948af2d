package dk.vum.barometer.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the prepared statements of one long-lived connection (the single writer's), so that a click's
 * dozen statements are compiled once, not on every click: {@code prepareStatement(sql)} hands out the
 * statement prepared before for that text, and its {@code close()} only clears it for the next use. A
 * statement still in use (a query run inside another's result loop) gets a fresh one, closed as usual.
 * At most {@value #CAPACITY} are kept, the least recently used closed first.
 */
final class StatementCache {

    static final int CAPACITY = 128;

    private StatementCache() {
    }

    /** {@code connection} with its statements kept; closing it closes them. Not for use by several threads at once. */
    static Connection wrap(Connection connection) {
        Kept kept = new Kept(connection);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args.length == 1) return kept.prepare((String) args[0]);
                    if (method.getName().equals("close")) kept.closeAll();
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class Kept {
        private final Connection connection;
        private final Map<String, Entry> statements = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                if (size() <= CAPACITY) return false;
                eldest.getValue().evicted = true;
                if (!eldest.getValue().inUse) eldest.getValue().closeQuietly();
                return true;
            }
        };

        Kept(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            Entry entry = statements.get(sql);
            if (entry != null && entry.inUse) return connection.prepareStatement(sql);
            if (entry == null) {
                entry = new Entry(connection.prepareStatement(sql));
                statements.put(sql, entry);
            }
            entry.inUse = true;
            return entry.handle;
        }

        void closeAll() {
            statements.values().forEach(Entry::closeQuietly);
            statements.clear();
        }
    }

    /** One kept statement and the handle given out for it, whose close() returns it instead. */
    private static final class Entry implements InvocationHandler {
        final PreparedStatement statement;
        final PreparedStatement handle;
        boolean inUse;
        boolean evicted;

        Entry(PreparedStatement statement) {
            this.statement = statement;
            this.handle = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "kept " + statement;
                }
                case "close" -> {
                    if (!inUse) return null;
                    inUse = false;
                    if (evicted) {
                        statement.close();
                    } else {
                        statement.clearParameters();
                        statement.clearBatch();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return !inUse || statement.isClosed();
                }
                case "unwrap", "isWrapperFor" -> {
                    return StatementCache.invoke(statement, method, args);
                }
                default -> {
                    if (!inUse) throw new SQLException("statement is closed");
                    return StatementCache.invoke(statement, method, args);
                }
            }
        }

        void closeQuietly() {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing a statement of a connection that is going away
            }
        }
    }
}
