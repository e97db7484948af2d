package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the follow-up stores' contracts share: a fresh, empty store for each test. Each store's contract
 * extends it; a database's test runs every contract (see {@code SqliteFollowUpStoresTest}).
 */
public abstract class FollowUpStoreContract {

    protected static final OrgId A = new OrgId("slack:TA");
    protected static final OrgId B = new OrgId("teams:tenant-b");

    protected JdbcStorage storage;

    /** A new store with no data. */
    protected abstract JdbcStorage newStorage();

    @BeforeEach
    void openStore() {
        storage = newStorage();
    }

    @AfterEach
    void closeStore() {
        storage.close();
    }
}
