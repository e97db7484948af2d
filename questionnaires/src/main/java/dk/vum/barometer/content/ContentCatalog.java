package dk.vum.barometer.content;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * All content loaded and validated at start-up: the four current questionnaires, the checklist and the
 * discussion questions for team meetings.
 */
public record ContentCatalog(List<Questionnaire> questionnaires, Checklist checklist, TeamMeetingGuide teamMeeting) {

    public ContentCatalog {
        questionnaires = List.copyOf(questionnaires);
    }

    /** The current questionnaire for a stage and audience. */
    public Questionnaire questionnaire(Stage stage, Audience audience) {
        return questionnaires.stream()
                .filter(q -> q.stage() == stage && q.audience() == audience)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No questionnaire for " + stage + " x " + audience));
    }
}
