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
                if (eldest.getValue().holder == null) eldest.getValue().closeQuietly();
                return true;
            }
        };

        Kept(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            Entry entry = statements.get(sql);
            if (entry != null && entry.holder != null) return connection.prepareStatement(sql);
            if (entry == null) {
                entry = new Entry(connection.prepareStatement(sql));
                statements.put(sql, entry);
            }
            return entry.checkOut();
        }

        void closeAll() {
            statements.values().forEach(Entry::closeQuietly);
            statements.clear();
        }
    }

    /** One kept statement, and which handle holds it now (none between uses). */
    private static final class Entry {
        final PreparedStatement statement;
        Handle holder;
        boolean evicted;

        Entry(PreparedStatement statement) {
            this.statement = statement;
        }

        /** A handle of its own for every use, so a stale or twice-closed handle never touches the next use. */
        PreparedStatement checkOut() {
            holder = new Handle(this);
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, holder);
        }

        void checkIn(Handle handle) throws SQLException {
            if (holder != handle) return;
            holder = null;
            if (evicted) {
                statement.close();
            } else {
                statement.clearParameters();
                statement.clearBatch();
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

    /** One use of a kept statement: its close() gives the statement back instead of closing it. */
    private static final class Handle implements InvocationHandler {
        private final Entry entry;

        Handle(Entry entry) {
            this.entry = entry;
        }

        private boolean holds() {
            return entry.holder == this;
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
                    return "kept " + entry.statement;
                }
                case "close" -> {
                    entry.checkIn(this);
                    return null;
                }
                case "isClosed" -> {
                    return !holds() || entry.statement.isClosed();
                }
                case "unwrap", "isWrapperFor" -> {
                    return StatementCache.invoke(entry.statement, method, args);
                }
                default -> {
                    if (!holds()) throw new SQLException("statement is closed");
                    return StatementCache.invoke(entry.statement, method, args);
                }
            }
        }
    }
}
