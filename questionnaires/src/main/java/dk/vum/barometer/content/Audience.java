package dk.vum.barometer.content;

/** Who a questionnaire is written for: the management or the caseworkers (superusers answer as caseworkers). */
public enum Audience {
    LEDELSE(new Text("ledelsen", "management")),
    SAGSBEHANDLERE(new Text("sagsbehandlerne", "caseworkers"));

    private final Text label;

    Audience(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }
}
