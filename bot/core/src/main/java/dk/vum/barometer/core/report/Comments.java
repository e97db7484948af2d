package dk.vum.barometer.core.report;

import java.util.List;

/**
 * A shown group's comments: withheld (not even counted) when the group is below the comment minimum.
 *
 * @param sections by theme in questionnaire order, comments not tied to a theme last; empty when withheld
 */
public record Comments(boolean shown, List<CommentSection> sections) {

    public static final Comments WITHHELD = new Comments(false, List.of());

    public Comments {
        sections = List.copyOf(sections);
        if (!shown && !sections.isEmpty()) throw new IllegalArgumentException("withheld comments have no sections");
    }
}
