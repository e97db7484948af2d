package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;

import java.util.Optional;
import java.util.Set;

/**
 * Small key-value state that adapters keep per organisation: a Slack message's ts to update it in
 * place, a Teams conversation reference for proactive messages.
 */
public interface AdapterStateStore {

    void putState(OrgId org, String namespace, String key, String value);

    Optional<String> state(OrgId org, String namespace, String key);

    void deleteState(OrgId org, String namespace, String key);

    /** Every key of a namespace that holds a value: one read, for what would otherwise be one per key. */
    Set<String> stateKeys(OrgId org, String namespace);
}
