package dk.vum.barometer.core.model;

import dk.vum.barometer.content.Audience;

import java.util.Locale;
import java.util.Optional;

/** The roles a respondent is registered with (seed 000: ledere, superbrugere og sagsbehandlere). */
public enum RespondentRole {
    LEDER(Audience.LEDELSE, ReportGroup.LEDELSE),
    SUPERBRUGER(Audience.SAGSBEHANDLERE, ReportGroup.MEDARBEJDERE),
    SAGSBEHANDLER(Audience.SAGSBEHANDLERE, ReportGroup.MEDARBEJDERE);

    private final Audience audience;
    private final ReportGroup group;

    RespondentRole(Audience audience, ReportGroup group) {
        this.audience = audience;
        this.group = group;
    }

    /** Which questionnaire the role answers. */
    public Audience audience() {
        return audience;
    }

    /** Which group of the report the role's answers count in. */
    public ReportGroup group() {
        return group;
    }

    /** Danish and English words, singular and plural. */
    public static Optional<RespondentRole> parse(String word) {
        if (word == null) return Optional.empty();
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "leder", "ledere", "leader", "leaders", "manager", "managers" -> Optional.of(LEDER);
            case "superbruger", "superbrugere", "superuser", "superusers" -> Optional.of(SUPERBRUGER);
            case "sagsbehandler", "sagsbehandlere", "caseworker", "caseworkers" -> Optional.of(SAGSBEHANDLER);
            default -> Optional.empty();
        };
    }
}
