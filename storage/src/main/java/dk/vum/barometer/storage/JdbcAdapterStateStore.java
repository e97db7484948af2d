package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.store.AdapterStateStore;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Adapters' key-value state per organisation and namespace. */
final class JdbcAdapterStateStore implements AdapterStateStore {

    private final Jdbc jdbc;

    JdbcAdapterStateStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void putState(OrgId org, String namespace, String key, String value) {
        jdbc.write(c -> Sql.update(c, "INSERT INTO adapter_state (org, namespace, state_key, value) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (org, namespace, state_key) DO UPDATE SET value = excluded.value",
                org.value(), namespace, key, value));
    }

    @Override
    public Optional<String> state(OrgId org, String namespace, String key) {
        return jdbc.read(c -> Sql.first(c, "SELECT value FROM adapter_state WHERE org = ? AND namespace = ? AND state_key = ?",
                rs -> rs.getString("value"), org.value(), namespace, key));
    }

    @Override
    public void deleteState(OrgId org, String namespace, String key) {
        jdbc.write(c -> Sql.update(c, "DELETE FROM adapter_state WHERE org = ? AND namespace = ? AND state_key = ?",
                org.value(), namespace, key));
    }

    @Override
    public Set<String> stateKeys(OrgId org, String namespace) {
        return new HashSet<>(jdbc.read(c -> Sql.list(c, "SELECT state_key FROM adapter_state WHERE org = ? AND namespace = ?",
                rs -> rs.getString("state_key"), org.value(), namespace)));
    }
}
