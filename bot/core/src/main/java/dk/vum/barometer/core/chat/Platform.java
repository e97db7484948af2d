package dk.vum.barometer.core.chat;

/** The chat platforms an organisation can live on. */
public enum Platform {
    LOCAL("local"), SLACK("slack"), TEAMS("teams");

    private final String prefix;

    Platform(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public static Platform ofPrefix(String prefix) {
        for (Platform p : values()) {
            if (p.prefix.equals(prefix)) return p;
        }
        throw new IllegalArgumentException("unknown platform prefix: " + prefix);
    }
}
