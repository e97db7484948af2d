package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Scale;
import dk.vum.barometer.content.Theme;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * Computes the anonymised {@link Report} of a closed measurement. Pure: no I/O; the only state is
 * the random source that shuffles comments (so their order says nothing about who wrote them).
 *
 * <p>Anonymity rules, applied here and nowhere else:
 * <ul>
 *   <li>a group with fewer responses than {@link OrgSettings#minGroupForScores()} is suppressed:
 *       no figure of it appears anywhere, neither its own nor in a ranking, gap or total;</li>
 *   <li>a statement with fewer 1-5 answers than that minimum shows no figure, and is left out of its
 *       theme's figure too;</li>
 *   <li>comments only for groups with at least {@link OrgSettings#minGroupForComments()} responses;</li>
 *   <li>deltas only where both measurements show the figure under the current thresholds, and only for
 *       statements (and themes of statements) both measurements asked identically ({@link ContentComparison}).</li>
 * </ul>
 */
public final class ReportBuilder {

    private final Random random;

    /** For production: comments are shuffled with a {@link SecureRandom}. */
    public ReportBuilder() {
        this(new SecureRandom());
    }

    /** With a given random source, so tests can get a deterministic comment order. */
    public ReportBuilder(Random random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public Report build(ReportInput input) {
        OrgSettings settings = input.settings();
        MeasurementData current = input.current();
        Map<ReportGroup, GroupScores> scores = scores(current, settings);
        Map<ReportGroup, GroupScores> previous = input.compared() == null ? Map.of() : scores(input.compared(), settings);

        List<GroupReport> groups = new ArrayList<>();
        for (ReportGroup group : ReportGroup.values()) {
            GroupScores now = scores.get(group);
            groups.add(now == null
                    ? new GroupReport.Suppressed(group)
                    : shown(group, now, Optional.ofNullable(previous.get(group)), current, settings));
        }
        GroupScores leaders = scores.get(ReportGroup.LEDELSE);
        GroupScores staff = scores.get(ReportGroup.MEDARBEJDERE);
        boolean bothShown = leaders != null && staff != null;
        return new Report(current.measurement(),
                input.compared() == null ? null : input.compared().measurement().number(),
                settings, groups, ranking(scores),
                bothShown ? themeGaps(leaders, staff) : List.of(),
                bothShown ? itemGaps(leaders, staff) : List.of(),
                input.compared() == null ? null : ContentComparison.of(current.questionnaires(), input.compared().questionnaires()));
    }

    /** Which questionnaire a group answers. */
    private static Audience audience(ReportGroup group) {
        return group == ReportGroup.LEDELSE ? Audience.LEDELSE : Audience.SAGSBEHANDLERE;
    }

    private GroupReport.Shown shown(ReportGroup group, GroupScores now, Optional<GroupScores> before,
                                    MeasurementData data, OrgSettings settings) {
        Questionnaire q = now.questionnaire();
        Set<String> comparable = before.map(b -> ContentComparison.comparableItems(q, b.questionnaire())).orElse(Set.of());
        List<ThemeResult> themes = new ArrayList<>();
        for (Theme theme : q.themes()) {
            List<ItemResult> items = q.itemsOf(theme.id()).stream()
                    .map(item -> new ItemResult(item, now.item(item.id()), previousMean(now.item(item.id()),
                            before.filter(b -> comparable.contains(item.id())).flatMap(b -> b.item(item.id())))))
                    .toList();
            Optional<GroupScores> sameTheme = before.filter(b ->
                    ContentComparison.themeComparable(theme.id(), q, b.questionnaire(), comparable));
            themes.add(new ThemeResult(theme, now.theme(theme.id()),
                    previousMean(now.theme(theme.id()), sameTheme.flatMap(b -> b.theme(theme.id()))), items));
        }
        OptionalInt registered = data.counts().stream().filter(c -> c.group() == group)
                .mapToInt(ResponseCounts::registered).findFirst();
        OptionalInt previousResponses = before.map(b -> OptionalInt.of(b.responses())).orElse(OptionalInt.empty());
        Comments comments = now.responses() >= settings.minGroupForComments()
                ? comments(group, now.questionnaire(), data.comments())
                : Comments.WITHHELD;
        return new GroupReport.Shown(group, now.responses(), registered, previousResponses, themes, comments);
    }

    /** The compared mean, only when both measurements show the figure. */
    private static Optional<Fraction> previousMean(Optional<Score> now, Optional<Score> before) {
        return now.isPresent() ? before.map(Score::mean) : Optional.empty();
    }

    /** Scores of the groups that are shown; a suppressed group has no entry at all. */
    private static Map<ReportGroup, GroupScores> scores(MeasurementData data, OrgSettings settings) {
        Map<ReportGroup, GroupScores> result = new EnumMap<>(ReportGroup.class);
        for (ReportGroup group : ReportGroup.values()) {
            List<StoredResponse> responses = data.responses().stream().filter(r -> r.group() == group).toList();
            if (responses.size() < settings.minGroupForScores()) continue;
            Questionnaire questionnaire = data.questionnaires().get(audience(group));
            if (questionnaire == null) {
                throw new IllegalArgumentException("measurement " + data.measurement().number()
                        + " has responses from " + group + " but no questionnaire for " + audience(group));
            }
            result.put(group, GroupScores.of(questionnaire, responses, settings.minGroupForScores()));
        }
        return result;
    }

    private static List<ThemeRank> ranking(Map<ReportGroup, GroupScores> shown) {
        Map<String, Theme> themes = new LinkedHashMap<>();
        shown.values().forEach(s -> s.questionnaire().themes().forEach(t -> themes.putIfAbsent(t.id(), t)));
        List<ThemeRank> ranking = new ArrayList<>();
        for (Theme theme : themes.values()) {
            Fraction sum = Fraction.ZERO;
            List<ReportGroup> groups = new ArrayList<>();
            for (Map.Entry<ReportGroup, GroupScores> e : shown.entrySet()) {
                Optional<Score> score = e.getValue().theme(theme.id());
                if (score.isPresent()) {
                    sum = sum.plus(score.get().mean());
                    groups.add(e.getKey());
                }
            }
            if (!groups.isEmpty()) ranking.add(new ThemeRank(theme, sum.dividedBy(groups.size()), groups));
        }
        ranking.sort(Comparator.comparing(ThemeRank::mean).reversed()); // stable: ties keep questionnaire order
        return ranking;
    }

    private static List<ThemeGap> themeGaps(GroupScores leaders, GroupScores staff) {
        List<ThemeGap> gaps = new ArrayList<>();
        for (Theme theme : leaders.questionnaire().themes()) {
            leaders.theme(theme.id()).ifPresent(l -> staff.theme(theme.id()).ifPresent(
                    s -> gaps.add(new ThemeGap(theme, new Gap(l.mean(), s.mean())))));
        }
        return gaps;
    }

    private static List<ItemGap> itemGaps(GroupScores leaders, GroupScores staff) {
        List<ItemGap> gaps = new ArrayList<>();
        for (Item leaderItem : leaders.questionnaire().items()) {
            parallel(leaderItem, staff.questionnaire()).ifPresent(staffItem ->
                    leaders.item(leaderItem.id()).ifPresent(l -> staff.item(staffItem.id()).ifPresent(
                            s -> gaps.add(new ItemGap(leaderItem, staffItem, new Gap(l.mean(), s.mean()))))));
        }
        return gaps;
    }

    /** The staff statement parallel to a leaders' statement; the link may be given on either side. */
    private static Optional<Item> parallel(Item leaderItem, Questionnaire staff) {
        if (leaderItem.parallelItem() != null) return staff.item(leaderItem.parallelItem());
        return staff.items().stream().filter(i -> leaderItem.id().equals(i.parallelItem())).findFirst();
    }

    private Comments comments(ReportGroup group, Questionnaire questionnaire, List<StoredComment> all) {
        List<StoredComment> comments = new ArrayList<>(all.stream()
                .filter(c -> c.group() == group && c.text() != null && !c.text().isBlank()).toList());
        Collections.shuffle(comments, random);
        Map<String, List<String>> byTheme = new LinkedHashMap<>();
        questionnaire.themes().forEach(t -> byTheme.put(t.id(), new ArrayList<>()));
        List<String> other = new ArrayList<>();
        for (StoredComment c : comments) {
            List<String> section = c.themeId() == null ? null : byTheme.get(c.themeId());
            (section == null ? other : section).add(c.text().strip());
        }
        List<CommentSection> sections = new ArrayList<>();
        for (Theme theme : questionnaire.themes()) {
            if (!byTheme.get(theme.id()).isEmpty()) sections.add(new CommentSection(theme, byTheme.get(theme.id())));
        }
        if (!other.isEmpty()) sections.add(new CommentSection(null, other));
        return new Comments(true, sections);
    }

    /**
     * A shown group's scores: statements with enough 1-5 answers, and themes pooled from those statements.
     * Statements that are suppressed have no entry.
     */
    private record GroupScores(Questionnaire questionnaire, int responses,
                               Map<String, Score> items, Map<String, Score> themes) {

        /** Counts every answer into one array per statement (a Score per answer would be rebuilt 240,000 times at 10,000 responses). */
        static GroupScores of(Questionnaire questionnaire, List<StoredResponse> responses, int minAnswers) {
            Map<String, int[]> counts = new HashMap<>();
            questionnaire.items().forEach(i -> counts.put(i.id(), new int[Score.VALUES]));
            for (StoredResponse response : responses) {
                response.answers().forEach((itemId, value) -> {
                    int[] of = counts.get(itemId);
                    if (of == null) return; // not a statement of this questionnaire
                    if (value == null || !questionnaire.scale().isValid(value)) {
                        throw new IllegalArgumentException("answer " + value + " to " + itemId + " is not on the scale");
                    }
                    of[Score.index(value)]++;
                });
            }
            Map<String, Score> items = new LinkedHashMap<>();
            Map<String, Score> themes = new LinkedHashMap<>();
            for (Item item : questionnaire.items()) {
                Score score = Score.ofCounts(counts.get(item.id()));
                if (score.n() < minAnswers) continue;
                items.put(item.id(), score);
                themes.merge(item.theme(), score, Score::plus);
            }
            return new GroupScores(questionnaire, responses.size(), items, themes);
        }

        Optional<Score> item(String itemId) {
            return Optional.ofNullable(items.get(itemId));
        }

        Optional<Score> theme(String themeId) {
            return Optional.ofNullable(themes.get(themeId));
        }
    }
}
