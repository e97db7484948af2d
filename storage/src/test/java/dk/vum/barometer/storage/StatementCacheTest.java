package dk.vum.barometer.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementCacheTest {

    @TempDir
    Path dir;

    private Connection open() throws SQLException {
        Connection c = StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db")));
        try (PreparedStatement s = c.prepareStatement("CREATE TABLE IF NOT EXISTS t (k INTEGER PRIMARY KEY, v TEXT)")) {
            s.execute();
        }
        return c;
    }

    @Test
    void aStatementIsPreparedOnceAndStartsEachUseWithoutTheLastUsesParameters() throws SQLException {
        try (Connection c = open()) {
            PreparedStatement first = underlying(c, "INSERT INTO t (k, v) VALUES (?, ?)", 1, "a");
            PreparedStatement second;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (k, v) VALUES (?, ?)")) {
                second = ps.unwrap(PreparedStatement.class);
                ps.setInt(1, 2);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThat(second).isSameAs(first);
            assertThat(values(c)).as("the first use's second parameter was not left bound").containsExactly("a", null);
        }
    }

    @Test
    void aStatementInUseIsNotHandedOutTwice() throws SQLException {
        try (Connection c = open()) {
            for (int k = 1; k <= 3; k++) underlying(c, "INSERT INTO t (k, v) VALUES (?, ?)", k, "v" + k);
            List<String> pairs = new ArrayList<>();
            String select = "SELECT v FROM t WHERE k >= ? ORDER BY k";
            try (PreparedStatement outer = c.prepareStatement(select)) {
                outer.setInt(1, 1);
                try (ResultSet rs = outer.executeQuery()) {
                    while (rs.next()) {
                        try (PreparedStatement inner = c.prepareStatement(select)) {
                            assertThat(inner).isNotSameAs(outer);
                            inner.setInt(1, 3);
                            try (ResultSet last = inner.executeQuery()) {
                                last.next();
                                pairs.add(rs.getString(1) + "/" + last.getString(1));
                            }
                        }
                    }
                }
            }
            assertThat(pairs).containsExactly("v1/v3", "v2/v3", "v3/v3");
        }
    }

    @Test
    void aClosedHandleRefusesWorkAndTheLeastRecentlyUsedAreClosedBeyondTheCapacity() throws SQLException {
        try (Connection c = open()) {
            PreparedStatement handle = c.prepareStatement("SELECT 0");
            PreparedStatement kept = handle.unwrap(PreparedStatement.class);
            handle.close();
            assertThat(handle.isClosed()).isTrue();
            assertThatThrownBy(handle::executeQuery).isInstanceOf(SQLException.class);
            try (PreparedStatement next = c.prepareStatement("SELECT 0")) {
                assertThat(next.unwrap(PreparedStatement.class)).as("the same statement, kept").isSameAs(kept);
                handle.close(); // a stale handle closed twice leaves the next use alone
                assertThat(next.isClosed()).isFalse();
                try (ResultSet rs = next.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }

            for (int i = 1; i <= StatementCache.CAPACITY; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + i)) {
                    ps.executeQuery().close();
                }
            }
            assertThat(kept.isClosed()).as("evicted").isTrue();
        }
    }

    private static PreparedStatement underlying(Connection c, String sql, int k, String v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, k);
            ps.setString(2, v);
            ps.executeUpdate();
            return ps.unwrap(PreparedStatement.class);
        }
    }

    private static List<String> values(Connection c) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t ORDER BY k"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }
}
