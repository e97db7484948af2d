package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.TeamMeetingGuide;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.core.chat.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dk.vum.barometer.core.report.ReportTexts.format;

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

    List<Block> blocks(Report report, Language language) {
        ReportFormat fmt = new ReportFormat(language);
        List<Block> blocks = new ArrayList<>();
        for (ThemeRank rank : report.weakestThemes(FOCUS_THEMES)) {
            List<Text> questions = guide.questions(rank.theme().id());
            if (questions.isEmpty()) continue;
            blocks.add(new Block.Paragraph(rank.theme().title().in(language)));
            blocks.addAll(MessageLimits.bulletLists(questions.stream().map(q -> q.in(language)).toList()));
        }
        if (!blocks.isEmpty()) blocks.add(0, new Block.Paragraph(format(ReportTexts.MEETING_INTRO, language)));
        List<ItemGap> differences = report.largestItemGaps(DIFFERENCES);
        if (!differences.isEmpty()) {
            blocks.add(new Block.Paragraph(format(ReportTexts.MEETING_DIFFERENCES, language)));
            blocks.addAll(MessageLimits.bulletLists(differences.stream()
                    .map(g -> format(ReportTexts.GAP_LINE, language, g.leaderItem().text().in(language),
                            fmt.mean(g.gap().leaders()), fmt.mean(g.gap().staff()), fmt.signed(g.gap().difference())))
                    .toList()));
            blocks.add(new Block.Paragraph(format(ReportTexts.MEETING_DIFFERENCES_QUESTION, language)));
        }
        if (blocks.isEmpty()) return List.of();
        blocks.add(0, new Block.Heading(format(ReportTexts.MEETING, language)));
        return blocks;
    }
}
