package dk.vum.barometer.content;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The rules loaded content must keep; the first broken rule throws a {@link ContentValidationException}
 * naming the file and the item, theme or area. The checklist is checked first because themes refer to
 * it; each questionnaire on its own next; the rules across questionnaires last, so that they can rely
 * on each questionnaire being sound.
 */
final class ContentValidator {

    static final int MIN_ITEMS = 15;
    static final int MAX_ITEMS = 30;
    private static final List<Integer> SCALE_VALUES =
            IntStream.rangeClosed(Scale.MIN, Scale.MAX).boxed().toList();

    private final List<Sourced<Questionnaire>> questionnaires;
    private final Sourced<Checklist> checklist;
    private final Sourced<TeamMeetingGuide> teamMeeting;

    private ContentValidator(List<Sourced<Questionnaire>> questionnaires, Sourced<Checklist> checklist,
                             Sourced<TeamMeetingGuide> teamMeeting) {
        this.questionnaires = questionnaires;
        this.checklist = checklist;
        this.teamMeeting = teamMeeting;
    }

    static void validate(List<Sourced<Questionnaire>> questionnaires, Sourced<Checklist> checklist,
                         Sourced<TeamMeetingGuide> teamMeeting) {
        ContentValidator validator = new ContentValidator(questionnaires, checklist, teamMeeting);
        validator.checkChecklist();
        questionnaires.forEach(validator::checkQuestionnaire);
        validator.checkOnePerStageAndAudience();
        validator.checkItemIdsUnique();
        validator.checkSameThemes();
        questionnaires.forEach(validator::checkParallels);
        validator.checkTeamMeeting();
    }

    // --- the checklist ---

    private void checkChecklist() {
        String file = checklist.file();
        Checklist content = checklist.content();
        require(content.title() != null, file, null, "\"title\" is missing");
        require(!content.areas().isEmpty(), file, null, "has no areas");
        Set<String> ids = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < content.areas().size(); i++) {
            ChecklistArea area = content.areas().get(i);
            String subject = subject("area", area.id(), i);
            require(!isBlank(area.id()), file, subject, "\"id\" is missing");
            require(ids.add(area.id()), file, subject, "duplicate area id");
            require(area.number() >= 1, file, subject, "\"number\" must be 1 or more");
            require(numbers.add(area.number()), file, subject, "duplicate area number " + area.number());
            require(area.title() != null, file, subject, "\"title\" is missing");
            require(area.checkQuestion() != null, file, subject, "\"checkQuestion\" is missing");
            require(!area.reflectionQuestions().isEmpty(), file, subject, "has no reflection questions");
        }
    }

    // --- each questionnaire on its own ---

    private void checkQuestionnaire(Sourced<Questionnaire> sourced) {
        String file = sourced.file();
        Questionnaire questionnaire = sourced.content();
        checkHeader(file, questionnaire);
        checkScale(file, questionnaire.scale());
        checkThemes(file, questionnaire);
        checkItems(file, questionnaire);
    }

    private void checkHeader(String file, Questionnaire questionnaire) {
        require(!isBlank(questionnaire.id()), file, null, "\"id\" is missing");
        String subject = "questionnaire " + questionnaire.id();
        require(questionnaire.version() >= 1, file, subject, "\"version\" must be 1 or more");
        require(questionnaire.stage() != null, file, subject, "\"stage\" is missing");
        require(questionnaire.audience() != null, file, subject, "\"audience\" is missing");
        require(questionnaire.title() != null, file, subject, "\"title\" is missing");
        require(questionnaire.intro() != null, file, subject, "\"intro\" is missing");
    }

    /**
     * Five labelled steps, and two answers outside the scale ("ved ikke" 0, "ikke relevant" -1), so a
     * respondent never has to pick a number for a statement they cannot or should not answer.
     */
    private void checkScale(String file, Scale scale) {
        require(scale != null, file, "scale", "\"scale\" is missing");
        List<Integer> values = scale.options().stream().map(ScaleOption::value).toList();
        require(values.equals(SCALE_VALUES), file, "scale",
                "options must have the values " + SCALE_VALUES + " in that order, found " + values);
        for (ScaleOption option : scale.options()) {
            require(option.label() != null, file, "scale", "option " + option.value() + " has no label");
        }
        checkOutside(file, "dontKnow", scale.dontKnow(), Scale.DONT_KNOW);
        checkOutside(file, "notRelevant", scale.notRelevant(), Scale.NOT_RELEVANT);
        Set<String> labels = new HashSet<>();
        for (ScaleOption option : scale.choices()) {
            require(!isBlank(option.label().en()), file, "scale", "option " + option.value() + " has no English label");
            require(labels.add(normalised(option.label().da())), file, "scale",
                    "label \"" + option.label().da() + "\" is used twice");
        }
    }

    private static void checkOutside(String file, String field, ScaleOption option, int value) {
        require(option != null, file, "scale", "\"" + field + "\" is missing");
        require(option.value() == value, file, "scale",
                "\"" + field + "\" must have the value " + value + ", found " + option.value());
        require(option.label() != null, file, "scale", "\"" + field + "\" has no label");
    }

    private void checkThemes(String file, Questionnaire questionnaire) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questionnaire.themes().size(); i++) {
            Theme theme = questionnaire.themes().get(i);
            String subject = subject("theme", theme.id(), i);
            require(!isBlank(theme.id()), file, subject, "\"id\" is missing");
            require(ids.add(theme.id()), file, subject, "duplicate theme id");
            require(theme.title() != null, file, subject, "\"title\" is missing");
            require(theme.checklistArea() != null && checklist.content().area(theme.checklistArea()).isPresent(),
                    file, subject, "checklistArea \"" + theme.checklistArea() + "\" is not an area of " + checklist.file());
        }
    }

    private void checkItems(String file, Questionnaire questionnaire) {
        List<Item> items = questionnaire.items();
        require(items.size() >= MIN_ITEMS && items.size() <= MAX_ITEMS, file, "questionnaire " + questionnaire.id(),
                "has " + items.size() + " items, must have " + MIN_ITEMS + " to " + MAX_ITEMS);
        int previousTheme = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String subject = subject("item", item.id(), i);
            require(!isBlank(item.id()), file, subject, "\"id\" is missing");
            require(item.text() != null, file, subject, "\"text\" is missing");
            int theme = item.theme() == null ? -1 : themeIds(questionnaire).indexOf(item.theme());
            require(theme >= 0, file, subject, "theme \"" + item.theme() + "\" is not a theme of this questionnaire");
            require(theme >= previousTheme, file, subject,
                    "comes after items of a later theme; list the items grouped by theme in the order of \"themes\"");
            previousTheme = theme;
        }
        for (Theme theme : questionnaire.themes()) {
            require(!questionnaire.itemsOf(theme.id()).isEmpty(), file, "theme " + theme.id(), "has no items");
        }
        Map<String, String> statements = new HashMap<>();
        for (Item item : items) {
            String first = statements.putIfAbsent(normalised(item.text().da()), item.id());
            require(first == null, file, "item " + item.id(), "says the same as item " + first);
        }
    }

    // --- across questionnaires ---

    private void checkOnePerStageAndAudience() {
        for (Stage stage : Stage.values()) {
            for (Audience audience : Audience.values()) {
                List<Sourced<Questionnaire>> found = questionnaires.stream()
                        .filter(q -> q.content().stage() == stage && q.content().audience() == audience)
                        .toList();
                require(!found.isEmpty(), ContentLoader.MANIFEST, null,
                        "names no questionnaire for stage " + stage + " and audience " + audience);
                require(found.size() == 1, found.get(found.size() - 1).file(),
                        "questionnaire " + found.get(found.size() - 1).content().id(),
                        "is a second questionnaire for stage " + stage + " and audience " + audience
                                + " (the first is in " + found.get(0).file() + ")");
            }
        }
    }

    private void checkItemIdsUnique() {
        Map<String, String> fileOfId = new HashMap<>();
        for (Sourced<Questionnaire> sourced : questionnaires) {
            for (Item item : sourced.content().items()) {
                String first = fileOfId.putIfAbsent(item.id(), sourced.file());
                require(first == null, sourced.file(), "item " + item.id(), "duplicate item id (also in " + first + ")");
            }
        }
    }

    /** Reports compare themes across audiences and stages, so all questionnaires have the same ones. */
    private void checkSameThemes() {
        Sourced<Questionnaire> first = questionnaires.get(0);
        List<String> expected = themeIds(first.content());
        for (Sourced<Questionnaire> sourced : questionnaires) {
            List<String> actual = themeIds(sourced.content());
            require(actual.equals(expected), sourced.file(), "themes",
                    "must be the same, in the same order, in all questionnaires: found " + actual
                            + " but " + first.file() + " has " + expected);
        }
    }

    private void checkParallels(Sourced<Questionnaire> sourced) {
        Questionnaire questionnaire = sourced.content();
        Sourced<Questionnaire> other = questionnaires.stream()
                .filter(q -> q.content().stage() == questionnaire.stage() && q.content().audience() != questionnaire.audience())
                .findFirst()
                .orElseThrow();
        for (Item item : questionnaire.items()) {
            String parallel = item.parallelItem();
            if (parallel == null) continue;
            String subject = "item " + item.id();
            Item target = other.content().item(parallel).orElseThrow(() -> new ContentValidationException(
                    sourced.file(), subject, "parallelItem \"" + parallel + "\" is not an item of " + other.file()));
            require(item.id().equals(target.parallelItem()), sourced.file(), subject,
                    "parallelItem \"" + parallel + "\" in " + other.file() + " does not point back (its parallelItem is \""
                            + target.parallelItem() + "\")");
            require(item.theme().equals(target.theme()), sourced.file(), subject,
                    "parallelItem \"" + parallel + "\" is in theme \"" + target.theme() + "\", this item in \"" + item.theme() + "\"");
        }
    }

    // --- the team meeting's discussion questions ---

    /** Every theme gets open questions for the team meeting; no entry may name a theme that does not exist. */
    private void checkTeamMeeting() {
        String file = teamMeeting.file();
        List<String> themes = themeIds(questionnaires.get(0).content());
        Set<String> seen = new HashSet<>();
        for (TeamMeetingGuide.ThemeQuestions entry : teamMeeting.content().themes()) {
            String subject = "theme " + entry.theme();
            require(themes.contains(entry.theme()), file, subject, "is not a theme of the questionnaires");
            require(seen.add(entry.theme()), file, subject, "is listed twice");
            require(!entry.questions().isEmpty(), file, subject, "has no questions");
        }
        for (String theme : themes) {
            require(seen.contains(theme), file, "theme " + theme, "has no questions for the team meeting");
        }
    }

    // --- helpers ---

    /** Texts that differ only in case, spacing or final punctuation are the same text. */
    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ").replaceAll("[.!?]$", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> themeIds(Questionnaire questionnaire) {
        return questionnaire.themes().stream().map(Theme::id).toList();
    }

    private static String subject(String kind, String id, int index) {
        return isBlank(id) ? kind + " no. " + (index + 1) : kind + " " + id;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void require(boolean ok, String file, String subject, String problem) {
        if (!ok) throw new ContentValidationException(file, subject, problem);
    }
}
