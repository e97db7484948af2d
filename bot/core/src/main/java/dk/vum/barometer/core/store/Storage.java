package dk.vum.barometer.core.store;

import dk.vum.barometer.core.files.HostedFileStore;

/**
 * Everything the core persists, as the narrow stores that each database (SQLite, PostgreSQL) implements.
 * Every method takes the organisation; no query crosses organisations. Outside a {@link UnitOfWork}
 * every method is its own short transaction; inside one, it joins the unit's.
 */
public interface Storage extends OrganisationStore, MeasurementStore, ResponseStore, OutboxStore,
        DeliveryLog, TranscriptStore, AdapterStateStore, HostedFileStore, UnitOfWork, AutoCloseable {

    @Override
    void close();
}
