package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Theme;

import java.util.List;

/**
 * A group's comments on one theme, in random order.
 *
 * @param theme the theme, or null for comments not tied to a theme of the questionnaire
 */
public record CommentSection(Theme theme, List<String> comments) {

    public CommentSection {
        comments = List.copyOf(comments);
    }
}
