package dk.vum.barometer.slack.api;

import dk.vum.barometer.core.chat.OrgId;

import java.util.Optional;

/** The bot token that speaks for an organisation, and what to do when Slack says it no longer works. */
public interface Tokens {

    /** The organisation's bot token; empty when the app is not (or no longer) installed there. */
    Optional<String> token(OrgId org);

    /** Slack refused the organisation's token for good (invalid_auth, account_inactive, …): stop using it. */
    void refused(OrgId org, String error);
}
