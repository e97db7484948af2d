package dk.vum.barometer.storage;

import dk.vum.barometer.core.chat.OrgId;

/** The person a draft or a sealed submission belongs to, until it is mixed into the anonymous responses. */
record DraftOwner(OrgId org, int measurement, String userId) {
}
