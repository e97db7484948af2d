package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Scale;
import dk.vum.barometer.content.TeamMeetingGuide;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dk.vum.barometer.core.report.ReportTexts.format;

/**
 * Renders a {@link Report} as neutral chat messages: the full summary for the person who asked for it,
 * and a shorter post for the team's channel that ends with {@link TeamMeetingPrompts} for
 * the weakest themes. Comments appear only in the summary: a channel post is read by the whole team,
 * and the team leader should choose which comments to raise.
 *
 * <p>All text is plain (user comments included); renderers escape it. Each message stays within
 * {@link MessageLimits}, so a long report becomes several messages.
 */
public final class ReportMessages {

    /** How many parallel statements the summary lists, largest difference first. */
    static final int LISTED_ITEM_GAPS = 5;

    private final TeamMeetingPrompts meeting;

    public ReportMessages(TeamMeetingGuide teamMeeting) {
        this.meeting = new TeamMeetingPrompts(teamMeeting);
    }

    /**
     * The summary that fits one screen: responses, the charts, every theme's average for leaders and staff
     * side by side, the largest differences between them, what goes well and what needs extra focus (only
     * where the difference is meaningful), then buttons for the details and the exports.
     *
     * @param charts image blocks of the report's charts (already published), shown after the header
     */
    public List<Message> summary(Report report, List<Block> charts, Language language) {
        return render(report, language, ReportTexts.SUMMARY_TITLE, r -> {
            List<List<Block>> sections = new ArrayList<>();
            if (!charts.isEmpty()) sections.add(charts);
            sections.add(r.themeMeanBlocks());
            sections.add(r.highlights());
            sections.add(r.more());
            return sections;
        });
    }

    /** Everything the report shows, for the person who asked for it: every statement, gaps, changes and comments. */
    public List<Message> details(Report report, Language language) {
        return render(report, language, ReportTexts.DETAILS_TITLE, r -> {
            List<List<Block>> sections = new ArrayList<>();
            for (GroupReport.Shown group : report.shownGroups()) {
                sections.add(List.of(new Block.Heading(r.t(ReportTexts.group(group.group()))), r.bars(group)));
                for (ThemeResult theme : group.themes()) sections.add(r.items(theme));
            }
            if (!report.themeGaps().isEmpty()) sections.add(r.gaps());
            if (report.comparedWith() != null) sections.add(r.changes());
            sections.addAll(r.comments());
            sections.add(r.methodNoteBlocks());
            return sections;
        });
    }

    /**
     * The post for the team's channel: the theme chart, theme averages and changes, ending with prompts for
     * the team meeting.
     *
     * @param charts image blocks of the report's charts (already published), shown after the header
     */
    public List<Message> channelPost(Report report, List<Block> charts, Language language) {
        return render(report, language, ReportTexts.CHANNEL_TITLE, r -> {
            List<List<Block>> sections = new ArrayList<>();
            if (!charts.isEmpty()) sections.add(charts);
            sections.add(report.shownGroups().stream().map(r::bars).map(Block.class::cast).toList());
            sections.add(r.ranking(TeamMeetingPrompts.FOCUS_THEMES));
            if (report.comparedWith() != null) sections.add(r.changes());
            sections.add(r.methodNoteBlocks());
            sections.add(meeting.blocks(r));
            return sections;
        });
    }

    /** The header, then the results; or only a note that there are none when no group is shown. */
    private List<Message> render(Report report, Language language, Text title, Function<Rendering, List<List<Block>>> results) {
        Rendering r = new Rendering(report, language);
        List<List<Block>> sections = new ArrayList<>();
        sections.add(r.header(title));
        if (report.shownGroups().isEmpty()) {
            sections.add(List.of(new Block.Paragraph(r.t(ReportTexts.NO_RESULTS))));
            sections.add(r.methodNoteBlocks());
        } else {
            sections.addAll(results.apply(r));
        }
        return MessageLimits.pack(sections);
    }

    /** One rendering of one report in one language: its sentences as blocks. */
    private final class Rendering extends ReportWords {

        Rendering(Report report, Language language) {
            super(report, language);
        }

        List<Block> header(Text title) {
            var m = report.measurement();
            List<Block.Field> fields = new ArrayList<>();
            for (GroupReport group : report.groups()) {
                fields.add(new Block.Field(t(ReportTexts.group(group.group())), responses(group)));
            }
            report.totalResponses().ifPresent(total -> fields.add(new Block.Field(t(ReportTexts.TOTAL), t(ReportTexts.RESPONSES, total))));
            return List.of(MessageLimits.heading(t(title, m.name())), new Block.Context(measurementLine()), new Block.Fields(fields));
        }

        List<Block> themeMeanBlocks() {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Paragraph(t(ReportTexts.THEME_MEANS)));
            blocks.addAll(MessageLimits.bulletLists(super.themeMeans()));
            return blocks;
        }

        /** The largest leader/staff differences, what goes well and what needs focus: only what is meaningful. */
        List<Block> highlights() {
            List<Block> blocks = new ArrayList<>();
            if (!report.themeGaps().isEmpty()) {
                blocks.add(new Block.Paragraph(t(ReportTexts.LARGEST_GAPS)));
                List<String> largest = largestGaps();
                if (largest.isEmpty()) blocks.add(new Block.Context(t(ReportTexts.NO_LARGE_GAPS)));
                blocks.addAll(MessageLimits.bulletLists(largest));
            }
            List<String> well = goingWell();
            List<String> focus = needsFocus();
            if (well.isEmpty() && focus.isEmpty()) {
                blocks.add(new Block.Context(t(ReportTexts.NOTHING_STANDS_OUT)));
            } else {
                addLines(blocks, ReportTexts.GOING_WELL, well);
                addLines(blocks, ReportTexts.NEEDS_FOCUS, focus);
            }
            return blocks;
        }

        /** Where to find the rest: the details and the exports, as buttons and as commands to type. */
        List<Block> more() {
            String number = String.valueOf(report.measurement().number());
            return List.of(new Block.Actions(List.of(
                            Block.Button.of(t(ReportTexts.DETAILS_BUTTON), ReportActions.DETAILS, number),
                            Block.Button.of(t(ReportTexts.PDF_BUTTON), ReportActions.PDF, number),
                            Block.Button.of(t(ReportTexts.CSV_BUTTON), ReportActions.CSV, number))),
                    new Block.Context(t(ReportTexts.MORE_HINT, report.measurement().number(),
                            report.measurement().number(), report.measurement().number())));
        }

        List<Block> ranking(int count) {
            List<Block> blocks = new ArrayList<>();
            addRanks(blocks, ReportTexts.GOING_WELL, report.strongestThemes(count));
            addRanks(blocks, ReportTexts.NEEDS_FOCUS, report.weakestThemes(count));
            return blocks;
        }

        private void addRanks(List<Block> blocks, Text title, List<ThemeRank> ranks) {
            addLines(blocks, title, rankLines(ranks));
        }

        private void addLines(List<Block> blocks, Text title, List<String> lines) {
            if (lines.isEmpty()) return;
            blocks.add(new Block.Paragraph(t(title)));
            blocks.addAll(MessageLimits.bulletLists(lines));
        }

        Block.Bars bars(GroupReport.Shown group) {
            List<Block.Bar> bars = group.themes().stream().map(theme -> theme.score()
                    .map(s -> new Block.Bar(title(theme.theme()), s.mean().doubleValue(), Scale.MAX,
                            t(ReportTexts.BAR_VALUE, fmt.mean(s.mean()), fmt.percent(s.agreeShare()), s.n())))
                    .orElseGet(() -> new Block.Bar(title(theme.theme()), 0, Scale.MAX, t(ReportTexts.TOO_FEW_ANSWERS))))
                    .toList();
            return new Block.Bars(t(ReportTexts.THEME_BARS, t(ReportTexts.group(group.group()))), bars);
        }

        List<Block> items(ThemeResult theme) {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Paragraph(title(theme.theme())));
            blocks.addAll(MessageLimits.bulletLists(theme.items().stream().map(this::itemLine).toList()));
            return blocks;
        }

        private String itemLine(ItemResult item) {
            String statement = statement(item.item().text().in(language));
            if (item.score().isEmpty()) return t(ReportTexts.LABELLED, statement, t(ReportTexts.TOO_FEW_ANSWERS));
            Score s = item.score().get();
            String line = t(ReportTexts.ITEM_VALUE, statement, fmt.mean(s.mean()), fmt.percent(s.agreeShare()),
                    fmt.percent(s.disagreeShare()), s.n(), s.dontKnow(), s.notRelevant());
            Optional<Fraction> delta = item.meanDelta();
            return delta.isEmpty() ? line
                    : t(ReportTexts.WITH_NOTE, line, t(ReportTexts.SINCE, fmt.signed(delta.get()), report.comparedWith()));
        }

        List<Block> gaps() {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Heading(t(ReportTexts.GAPS)));
            blocks.add(new Block.Paragraph(t(ReportTexts.THEME_GAPS)));
            blocks.addAll(MessageLimits.bulletLists(report.themeGaps().stream()
                    .map(g -> gapLine(title(g.theme()), g.gap())).toList()));
            List<ItemGap> largest = report.largestItemGaps(LISTED_ITEM_GAPS);
            if (!largest.isEmpty()) {
                blocks.add(new Block.Paragraph(t(ReportTexts.ITEM_GAPS)));
                blocks.addAll(MessageLimits.bulletLists(largest.stream()
                        .map(g -> gapLine(statement(g.leaderItem().text().in(language)), g.gap())).toList()));
            }
            return blocks;
        }

        String gapLine(String label, Gap gap) {
            return t(ReportTexts.GAP_LINE, label, fmt.mean(gap.leaders()), fmt.mean(gap.staff()), gapDirection(gap));
        }

        /** Changes in response counts and theme means (statements show theirs in their own lines). */
        List<Block> changes() {
            List<String> lines = new ArrayList<>();
            for (GroupReport.Shown group : report.shownGroups()) {
                String label = t(ReportTexts.group(group.group()));
                group.previousResponses().ifPresent(before ->
                        lines.add(t(ReportTexts.RESPONSES_CHANGE, label, before, group.responses())));
                for (ThemeResult theme : group.themes()) {
                    theme.meanDelta().ifPresent(delta -> lines.add(t(ReportTexts.CHANGE_LINE, label, title(theme.theme()),
                            fmt.mean(theme.previousMean().orElseThrow()), fmt.mean(theme.score().orElseThrow().mean()),
                            fmt.signed(delta))));
                }
            }
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Heading(t(ReportTexts.CHANGES, report.comparedWith())));
            ContentComparison content = report.contentComparison();
            if (content != null && content.partial()) {
                blocks.add(new Block.Context(t(ReportTexts.COMPARABLE_ITEMS, content.comparableItems(), report.comparedWith())
                        + (content.scaleChanged() ? " " + t(ReportTexts.SCALE_CHANGED, report.comparedWith()) : "")));
            }
            if (lines.isEmpty()) blocks.add(new Block.Paragraph(t(ReportTexts.NO_CHANGES)));
            blocks.addAll(MessageLimits.bulletLists(lines));
            return blocks;
        }

        /** Comments by group and theme, one section per theme so a message break falls between themes. */
        List<List<Block>> comments() {
            List<List<Block>> sections = new ArrayList<>();
            sections.add(List.of(new Block.Heading(t(ReportTexts.COMMENTS)), new Block.Context(t(ReportTexts.COMMENTS_NOTE))));
            for (GroupReport.Shown group : report.shownGroups()) {
                Block groupTitle = new Block.Paragraph(t(ReportTexts.group(group.group())));
                if (!group.comments().shown()) {
                    sections.add(List.of(groupTitle,
                            new Block.Context(t(ReportTexts.COMMENTS_WITHHELD, report.settings().minGroupForComments()))));
                } else if (group.comments().sections().isEmpty()) {
                    sections.add(List.of(groupTitle, new Block.Context(t(ReportTexts.NO_COMMENTS))));
                } else {
                    sections.add(List.of(groupTitle));
                    for (CommentSection section : group.comments().sections()) {
                        List<Block> blocks = new ArrayList<>();
                        blocks.add(new Block.Paragraph(section.theme() == null
                                ? t(ReportTexts.OTHER_COMMENTS) : title(section.theme())));
                        blocks.addAll(MessageLimits.bulletLists(section.comments()));
                        sections.add(blocks);
                    }
                }
            }
            return sections;
        }

        List<Block> methodNoteBlocks() {
            return List.of(new Block.Context(methodNote()));
        }
    }
}
