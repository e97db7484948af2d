package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.files.HostedFile;
import dk.vum.barometer.core.files.HostedFileStore;

import java.time.Instant;
import java.util.Optional;

/** Charts and exports of reports, served by token until they expire. */
final class JdbcHostedFileStore implements HostedFileStore {

    private final Jdbc jdbc;

    JdbcHostedFileStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveFile(HostedFile file) {
        jdbc.write(c -> Sql.update(c, "INSERT INTO hosted_files (token, org, name, media_type, content, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", file.token(), file.org().value(), file.name(), file.mediaType(),
                file.content(), file.expires().toEpochMilli()));
    }

    @Override
    public Optional<HostedFile> file(String token, Instant now) {
        return jdbc.read(c -> Sql.first(c, "SELECT token, org, name, media_type, content, expires_at FROM hosted_files "
                        + "WHERE token = ? AND expires_at > ?",
                rs -> new HostedFile(rs.getString("token"), new OrgId(rs.getString("org")), rs.getString("name"),
                        rs.getString("media_type"), rs.getBytes("content"), Instant.ofEpochMilli(rs.getLong("expires_at"))),
                token, now.toEpochMilli()));
    }

    @Override
    public int purgeFiles(Instant now) {
        return jdbc.write(c -> Sql.update(c, "DELETE FROM hosted_files WHERE expires_at <= ?", now.toEpochMilli()));
    }
}
