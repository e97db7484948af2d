package dk.vum.barometer.core.files;

import dk.vum.barometer.core.chat.OrgId;

import java.time.Instant;
import java.util.Objects;

/**
 * A file the bot serves for a while at an unguessable address: a chart, a PDF or a CSV of a report.
 * It holds only what the report it was made from shows.
 *
 * @param token   the random part of its address
 * @param expires when it stops being served (and is deleted)
 */
public record HostedFile(String token, OrgId org, String name, String mediaType, byte[] content, Instant expires) {

    public HostedFile {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(expires, "expires");
    }
}
