package dk.vum.barometer.content;

import java.util.List;

/**
 * Open questions about practice for the team meeting where a summary is discussed, per theme. They
 * are the barometer's own: the checklist's reflection questions are for the implementation group.
 */
public record TeamMeetingGuide(int version, List<ThemeQuestions> themes) {

    public TeamMeetingGuide {
        themes = List.copyOf(themes);
    }

    /** The questions for a theme; empty when there are none. */
    public List<Text> questions(String themeId) {
        return themes.stream().filter(t -> t.theme().equals(themeId)).findFirst()
                .map(ThemeQuestions::questions).orElse(List.of());
    }

    /** The discussion questions for one theme (by its id). */
    public record ThemeQuestions(String theme, List<Text> questions) {

        public ThemeQuestions {
            questions = List.copyOf(questions);
        }
    }
}
