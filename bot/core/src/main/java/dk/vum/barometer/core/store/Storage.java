package dk.vum.barometer.core.store;

import dk.vum.barometer.core.files.HostedFileStore;

/**
 * Everything the core persists, behind one narrow interface that each store (SQLite, PostgreSQL)
 * implements. Every method takes the organisation; no query crosses organisations.
 * Every method is its own short transaction.
 */
public interface Storage extends OrganisationStore, MeasurementStore, ResponseStore, OutboxStore,
        DeliveryLog, TranscriptStore, AdapterStateStore, HostedFileStore, AutoCloseable {

    @Override
    void close();
}
