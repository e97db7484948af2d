package dk.vum.barometer.core.files;

import java.time.Instant;
import java.util.Optional;

/**
 * Where hosted files live: in the database, so every instance behind a load balancer serves a link any
 * of them made, and a restart keeps links working until they expire.
 */
public interface HostedFileStore {

    void saveFile(HostedFile file);

    /** The file with this token, unless it has expired by {@code now}. */
    Optional<HostedFile> file(String token, Instant now);

    /** Deletes the files expired by {@code now}; returns how many. */
    int purgeFiles(Instant now);
}
