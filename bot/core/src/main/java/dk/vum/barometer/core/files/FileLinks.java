package dk.vum.barometer.core.files;

import dk.vum.barometer.core.chat.OrgId;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes files at {@code <base>/files/<token>/<name>}: the token is 128 random bits, so an address
 * cannot be guessed, and it expires after {@link #ttl()}. Without a public base URL the address is
 * relative, which the local web chat resolves against its own server.
 */
public final class FileLinks {

    public static final String PATH = "/files/";
    private static final Pattern TOKEN = Pattern.compile("/files/([A-Za-z0-9_-]{22})/[^/]+$");

    private final HostedFileStore store;
    private final String publicUrl;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param publicUrl the bot's public address ("https://barometer.kommune.dk"), or null for relative links */
    public FileLinks(HostedFileStore store, String publicUrl, Duration ttl, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? "" : publicUrl.replaceAll("/+$", "");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Stores the file and returns its address. */
    public String publish(OrgId org, String name, String mediaType, byte[] content) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.saveFile(new HostedFile(token, org, name, mediaType, content, Instant.now(clock).plus(ttl)));
        return publicUrl + PATH + token + "/" + name;
    }

    /** The file an address made by {@link #publish} points to, while it has not expired. */
    public Optional<HostedFile> resolve(String url) {
        Matcher m = TOKEN.matcher(url == null ? "" : url);
        return m.find() ? byToken(m.group(1)) : Optional.empty();
    }

    /** The file a published address's token names, while it has not expired. */
    public Optional<HostedFile> byToken(String token) {
        return store.file(token, Instant.now(clock));
    }

    public Duration ttl() {
        return ttl;
    }
}
