package dk.vum.barometer.bench;

import dk.vum.barometer.storage.postgres.PostgresStorage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A fresh PostgreSQL database for one run ({@code barometer_bench_<random>}) on the server the benchmark is
 * given, created through its maintenance database; dropped after a run that found nothing wrong.
 */
final class BenchDatabase {

    /** USER_HZ: what Linux counts CPU time in for /proc, 100 on every common architecture. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final String server;
    private final String user;
    private final String name;

    /** @param server {@code jdbc:postgresql://host:port/} */
    private BenchDatabase(String server, String user, String name) {
        this.server = server;
        this.user = user;
        this.name = name;
    }

    static BenchDatabase create(String server, String user) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        BenchDatabase db = new BenchDatabase(server, user, "barometer_bench_" + HexFormat.of().formatHex(random));
        db.maintenance("CREATE DATABASE " + db.name);
        return db;
    }

    String name() {
        return name;
    }

    /** The JDBC URL with the user, as the instances get it in DATABASE_URL. */
    String url() {
        return url(name);
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** A copy of the database as it is now (no instance may be connected): to count on without changing this one. */
    BenchDatabase copy(String suffix) {
        BenchDatabase copy = new BenchDatabase(server, user, name + "_" + suffix);
        maintenance("DROP DATABASE IF EXISTS " + copy.name);
        // the killed instances' sessions end a moment after their sockets close; until then the template is in use
        for (int attempt = 1; ; attempt++) {
            try {
                maintenance("CREATE DATABASE " + copy.name + " TEMPLATE " + name);
                return copy;
            } catch (IllegalStateException e) {
                if (attempt == 50) throw e;
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void drop() {
        maintenance("DROP DATABASE IF EXISTS " + name);
    }

    /**
     * What PostgreSQL has done for this database so far: the CPU time of the processes serving its sessions
     * now (the instances' pools, from {@code /proc}; the shared WAL writer and checkpointer serve every database
     * and are not counted), and its committed transactions (a statement outside a transaction is one) and written
     * rows, the chunks of TOASTed values included ({@code pg_stat_database}, which a busy session brings up to
     * date about every second).
     */
    DatabaseUse use() {
        long ticks = 0;
        try (Connection c = open(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                while (rs.next()) ticks += cpuTicks(rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database "
                    + "WHERE datname = current_database()")) {
                rs.next();
                return new DatabaseUse(Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND), rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read what " + name + " has done", e);
        }
    }

    /** utime + stime of a process in clock ticks (fields 14 and 15 of /proc/<pid>/stat, after the command's parentheses). */
    private static long cpuTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the session ended meanwhile, or no /proc
        }
    }

    /** synchronous_commit as the store's connections have it: the server's setting, "off" turned on. */
    String synchronousCommit() {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute(PostgresStorage.DURABLE_COMMITS);
            try (ResultSet rs = s.executeQuery("SELECT current_setting('synchronous_commit')")) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read synchronous_commit of " + name, e);
        }
    }

    /** ANALYZE: the planner's statistics, as autovacuum would gather them. */
    void analyze() {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot analyze " + name, e);
        }
    }

    long bytes() {
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the size of " + name, e);
        }
    }

    private String url(String database) {
        return server + database + "?user=" + user;
    }

    private void maintenance(String sql) {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + server, e);
        }
    }
}
