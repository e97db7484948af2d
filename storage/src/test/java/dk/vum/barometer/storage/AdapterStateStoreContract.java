package dk.vum.barometer.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of adapter state, on every database. */
public abstract class AdapterStateStoreContract extends StorageContract {

    @Test
    void adapterStateIsKeptPerOrganisationAndNamespace() {
        store.putState(A, "slack.ts", "k", "1");
        store.putState(A, "slack.ts", "k", "2");
        store.putState(A, "teams.ref", "k", "ref");
        store.putState(B, "slack.ts", "k", "other");

        assertThat(store.state(A, "slack.ts", "k")).contains("2");
        assertThat(store.state(A, "teams.ref", "k")).contains("ref");
        assertThat(store.state(B, "slack.ts", "k")).contains("other");

        store.deleteState(A, "slack.ts", "k");

        assertThat(store.state(A, "slack.ts", "k")).isEmpty();
        assertThat(store.state(B, "slack.ts", "k")).contains("other");
    }

    @Test
    void aNamespacesKeysAreReadAtOncePerOrganisation() {
        store.putState(A, "teams.user", "anna", "{}");
        store.putState(A, "teams.user", "bo", "{}");
        store.putState(A, "teams.card", "anna", "{}");
        store.putState(B, "teams.user", "carl", "{}");
        store.deleteState(A, "teams.user", "bo");

        assertThat(store.stateKeys(A, "teams.user")).containsExactly("anna");
        assertThat(store.stateKeys(B, "teams.user")).containsExactly("carl");
        assertThat(store.stateKeys(A, "slack.ts")).isEmpty();
    }
}
