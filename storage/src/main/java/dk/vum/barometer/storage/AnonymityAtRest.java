package dk.vum.barometer.storage;

/**
 * How a {@link JdbcStorage} keeps the anonymity promise at rest, the same on every database (see README,
 * <i>Anonymity</i>, and docs/postgresql-anonymity.md): drafts and sealed submissions encrypted with
 * {@code cipher}, whose key is never in the database, and submissions mixed into responses in batches of
 * at least the group minimum ({@link SealedHandover}). What differs between databases is in the
 * {@link Dialect}: SQLite also rewrites the anonymous tables after a mix, PostgreSQL cannot.
 */
public final class AnonymityAtRest {

    final DraftCipher cipher;
    final Handover handover;

    private AnonymityAtRest(DraftCipher cipher, Handover handover) {
        this.cipher = cipher;
        this.handover = handover;
    }

    public static AnonymityAtRest sealedAndMixed(DraftCipher cipher, Dialect dialect) {
        return new AnonymityAtRest(cipher, new SealedHandover(cipher, dialect));
    }
}
