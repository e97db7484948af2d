package dk.vum.barometer.core.report;

import dk.vum.barometer.content.TeamMeetingGuide;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.core.chat.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The end of the channel post: open questions about practice for the themes with a need for extra focus,
 * and the statements leaders and staff see most differently ("forskellige opfattelser", seed 000). The
 * checklist's reflection questions are for the implementation group and stay with {@code tjekliste}.
 */
final class TeamMeetingPrompts {

    /** How many of the lowest-ranked themes get discussion questions. */
    static final int FOCUS_THEMES = 2;
    /** How many parallel statements with the largest leader–staff difference are raised. */
    static final int DIFFERENCES = 3;

    private final TeamMeetingGuide guide;

    TeamMeetingPrompts(TeamMeetingGuide guide) {
        this.guide = Objects.requireNonNull(guide, "guide");
    }

    /** The section's blocks in the words' language; empty when there is nothing to ask. */
    List<Block> blocks(ReportWords words) {
        Report report = words.report;
        List<Block> blocks = new ArrayList<>();
        for (ThemeRank rank : report.weakestThemes(FOCUS_THEMES)) {
            List<Text> questions = guide.questions(rank.theme().id());
            if (questions.isEmpty()) continue;
            blocks.add(new Block.Paragraph(words.title(rank.theme())));
            blocks.addAll(MessageLimits.bulletLists(questions.stream().map(q -> q.in(words.language)).toList()));
        }
        if (!blocks.isEmpty()) blocks.add(0, new Block.Paragraph(words.t(ReportTexts.MEETING_INTRO)));
        List<ItemGap> differences = report.largestItemGaps(DIFFERENCES);
        if (!differences.isEmpty()) {
            blocks.add(new Block.Paragraph(words.t(ReportTexts.MEETING_DIFFERENCES)));
            blocks.addAll(MessageLimits.bulletLists(differences.stream()
                    .map(g -> words.t(ReportTexts.LABELLED, words.statement(g.leaderItem().text().in(words.language)),
                            words.direction(g.gap())))
                    .toList()));
            blocks.add(new Block.Paragraph(words.t(ReportTexts.MEETING_DIFFERENCES_QUESTION)));
        }
        if (blocks.isEmpty()) return List.of();
        blocks.add(0, new Block.Heading(words.t(ReportTexts.MEETING)));
        return blocks;
    }
}
