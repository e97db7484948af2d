package dk.vum.barometer.core.chat;

import java.util.Objects;

/**
 * An organisation: a Slack workspace ("slack:T123" or "slack:E123" for Enterprise Grid),
 * a Teams tenant ("teams:&lt;tenant id&gt;") or the local demo ("local:demo"). Every stored row
 * belongs to exactly one organisation.
 */
public record OrgId(String value) {

    public OrgId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 200) throw new IllegalArgumentException("bad organisation id");
    }

    public static OrgId of(Platform platform, String platformId) {
        return new OrgId(platform.prefix() + ":" + platformId);
    }

    public Platform platform() {
        return Platform.ofPrefix(value.substring(0, Math.max(0, value.indexOf(':'))));
    }

    @Override
    public String toString() {
        return value;
    }
}
