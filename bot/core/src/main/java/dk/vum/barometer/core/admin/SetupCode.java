package dk.vum.barometer.core.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one-time code that makes someone the first coordinator of an organisation that has none
 * ({@code opsæt <kode>}): only whoever can read the server's log or data folder learns it. A code is good
 * until it is used; then a new one is made and announced, for the next organisation.
 */
public final class SetupCode {

    /** No 0/o, 1/l/i: read from a log and typed by hand. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();
    private final Consumer<String> announce;
    private String code;

    /** {@code announce} is told every new code (the host writes it to its log and a file in the data folder). */
    public SetupCode(Consumer<String> announce) {
        this.announce = announce;
        renew();
    }

    /**
     * Runs {@code claim} if {@code typed} is the current code, and makes a new code when the claim succeeded.
     * Returns whether it did: a wrong code, or a claim that found a coordinator already, leaves the code as it is.
     */
    public synchronized boolean redeem(String typed, BooleanSupplier claim) {
        if (typed == null || !MessageDigest.isEqual(typed.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                code.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        if (!claim.getAsBoolean()) return false;
        renew();
        return true;
    }

    private void renew() {
        StringBuilder next = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) next.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        code = next.toString();
        announce.accept(code);
    }
}
