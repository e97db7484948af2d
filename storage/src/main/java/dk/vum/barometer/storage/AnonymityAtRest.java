package dk.vum.barometer.storage;

/**
 * How a {@link JdbcStorage} keeps the anonymity promise at rest, which depends on what the database
 * keeps behind the rows (see docs/postgresql-anonymity.md).
 */
public final class AnonymityAtRest {

    final DraftCodec drafts;
    final Handover handover;

    private AnonymityAtRest(DraftCodec drafts, Handover handover) {
        this.drafts = drafts;
        this.handover = handover;
    }

    /**
     * Drafts as plain text, and a submission written as a response in its own transaction: for a database
     * that keeps neither dead row versions nor which transaction wrote a row (SQLite with
     * {@code secure_delete} and its WAL truncated).
     */
    public static AnonymityAtRest immediate() {
        return new AnonymityAtRest(DraftCodec.PLAIN, new ImmediateHandover());
    }

    /**
     * Drafts and sealed submissions encrypted with {@code cipher}, and submissions mixed into responses in
     * batches of at least the group minimum (see {@link SealedHandover}): for PostgreSQL, which keeps dead
     * row versions and the writing transaction of every row.
     */
    public static AnonymityAtRest sealedAndMixed(DraftCipher cipher, Dialect dialect) {
        return new AnonymityAtRest(cipher, new SealedHandover(cipher, dialect));
    }
}
