package dk.vum.barometer.storage.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.Jdbc;
import dk.vum.barometer.storage.StorageException;
import dk.vum.barometer.storage.UnitOfWorkContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unit of work on PostgreSQL: one transaction per unit on a connection of its own, two bot instances
 * (two stores, each with its own pool) on one schema. Plus what only concurrent writers show: deadlocks.
 */
class PostgresUnitOfWorkTest extends UnitOfWorkContract {

    private static final String KEY = PostgresTestDatabase.newDraftKey();
    @RegisterExtension
    static final PostgresTestDatabase database = new PostgresTestDatabase();
    private String url;

    @Override
    protected Storage[] newStores() {
        try {
            url = database.newSchema();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Storage[]{reopen(), reopen()};
    }

    @Override
    protected Storage reopen() {
        return PostgresStorage.open(url, PostgresTestDatabase.USER, null, KEY);
    }

    /**
     * Two units write the same two rows in opposite orders, each waiting for the other's first write: the
     * database breaks the deadlock by failing one. Its work catches the failure, as the bot does, yet the unit
     * rolls back and runs again, so both return and each pair of rows holds one unit's values.
     */
    @Test
    void unitsThatDeadlockRunAgainAndBothCommitWhole() throws Exception {
        store(0).putState(ORG, "ns", "a", "none");
        store(0).putState(ORG, "ns", "b", "none");
        CountDownLatch firstWrites = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        List<Callable<String>> units = new ArrayList<>();
        for (String[] order : new String[][]{{"a", "b"}, {"b", "a"}}) {
            Storage s = store(units.size());
            String value = "by " + order[0] + order[1];
            units.add(() -> s.inTransaction(() -> {
                attempts.incrementAndGet();
                s.putState(ORG, "ns", order[0], value);
                firstWrites.countDown();
                await(firstWrites);
                try {
                    s.putState(ORG, "ns", order[1], value);
                } catch (StorageException e) {
                    return "answered with an error";
                }
                return "answered";
            }));
        }

        assertThat(runTogether(units)).containsExactly("answered", "answered");
        assertThat(attempts).as("the unit that lost the deadlock ran once more").hasValue(3);
        assertThat(store(1).state(ORG, "ns", "a")).isEqualTo(store(1).state(ORG, "ns", "b")).isPresent();
    }

    /**
     * A unit's reads and writes share its one connection, and what runs after its commit (the scrub after a
     * submission) takes another only once the unit has given its own back: a pool of ten never has ten
     * units each waiting for a second connection.
     */
    @Test
    void aUnitHoldsOneConnectionAndScrubsAfterItsCommit() {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        try (HikariDataSource pool = new HikariDataSource(PostgresStorage.poolConfig(url, PostgresTestDatabase.USER, null))) {
            DataSource counted = proxy(DataSource.class, pool, (method, result) -> {
                if (!method.getName().equals("getConnection")) return result;
                taken.incrementAndGet();
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                return proxy(Connection.class, (Connection) result, (m, r) -> {
                    if (m.getName().equals("close")) open.decrementAndGet();
                    return r;
                });
            });
            Jdbc jdbc = new Jdbc(counted, new PostgresDialect());
            int rows = jdbc.unit(() -> {
                jdbc.write(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.executeUpdate("INSERT INTO adapter_state (org, namespace, state_key, value) "
                                + "VALUES ('local:demo', 'ns', 'k', 'v')");
                    }
                });
                jdbc.scrubDeleted();
                return jdbc.read(c -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM adapter_state")) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
            });
            assertThat(rows).as("the unit reads its own write").isEqualTo(1);
        }
        assertThat(taken).as("the unit's connection, then the scrub's").hasValue(2);
        assertThat(mostOpen).hasValue(1);
        assertThat(open).hasValue(0);
    }

    /**
     * A unit runs again only after a conflict (a serialization failure here, raised as the database would),
     * and only a few times: then the conflict is the caller's. Any other failure is final at once.
     */
    @Test
    void aUnitRunsAgainAfterConflictsOnlyAndAtMostFourTimes() {
        try (HikariDataSource pool = new HikariDataSource(PostgresStorage.poolConfig(url, PostgresTestDatabase.USER, null))) {
            Jdbc jdbc = new Jdbc(pool, new PostgresDialect());
            for (String sqlState : new String[]{"40001", "23505"}) {
                AtomicInteger attempts = new AtomicInteger();
                assertThatThrownBy(() -> jdbc.unit(() -> {
                    attempts.incrementAndGet();
                    return jdbc.write(c -> {
                        try (Statement s = c.createStatement()) {
                            return s.execute("DO $$ BEGIN RAISE EXCEPTION 'raised' USING ERRCODE = '" + sqlState + "'; END $$");
                        }
                    });
                })).isInstanceOf(StorageException.class).cause().hasFieldOrPropertyWithValue("SQLState", sqlState);
                assertThat(attempts).as(sqlState).hasValue(sqlState.equals("40001") ? 4 : 1);
            }
        }
    }

    /** A proxy of {@code target} that passes each call's result through {@code after}. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, BiFunction<Method, Object, Object> after) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
