package dk.vum.barometer.storage;

import dk.vum.barometer.core.store.Storage;
import org.junit.jupiter.api.Nested;

import java.time.Clock;

/**
 * Every narrow store's contract, nested, on one database (the follow-up stores' too): a database's storage
 * test extends this and says how to open a fresh, empty store of it.
 */
public abstract class StoreContracts {

    /** A fresh, empty store of this database. */
    protected abstract JdbcStorage open(Clock clock);

    @Nested
    class Organisations extends OrganisationStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return open(clock);
        }
    }

    @Nested
    class Measurements extends MeasurementStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return open(clock);
        }
    }

    @Nested
    class Responses extends ResponseStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return open(clock);
        }
    }

    @Nested
    class Outbox extends OutboxStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return open(clock);
        }
    }

    @Nested
    class Deliveries extends DeliveryLogContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return open(clock);
        }
    }

    @Nested
    class Transcripts extends TranscriptStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return open(clock);
        }
    }

    @Nested
    class AdapterState extends AdapterStateStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return open(clock);
        }
    }
    @Nested
    class Teams extends TeamStoreContract {
        @Override
        protected JdbcStorage newStorage() {
            return open(Clock.systemUTC());
        }
    }

    @Nested
    class ChecklistAnswers extends ChecklistAnswerStoreContract {
        @Override
        protected JdbcStorage newStorage() {
            return open(Clock.systemUTC());
        }
    }

    @Nested
    class Activities extends ActivityStoreContract {
        @Override
        protected JdbcStorage newStorage() {
            return open(Clock.systemUTC());
        }
    }

    @Nested
    class Rhythms extends RhythmStoreContract {
        @Override
        protected JdbcStorage newStorage() {
            return open(Clock.systemUTC());
        }
    }

    @Nested
    class Installations extends InstallationStoreContract {
        @Override
        protected JdbcStorage newStorage() {
            return open(Clock.systemUTC());
        }
    }
}
