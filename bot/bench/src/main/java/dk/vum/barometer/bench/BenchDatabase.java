package dk.vum.barometer.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fresh PostgreSQL database for one run ({@code barometer_bench_<random>}) on the server the benchmark is
 * given, created through its maintenance database; dropped after a run that found nothing wrong.
 */
final class BenchDatabase {

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
