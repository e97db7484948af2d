package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Questionnaire;
import dk.vum.barometer.content.Scale;
import dk.vum.barometer.content.ScaleOption;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What two measurements' pinned questionnaires have in common. A statement is comparable only when the
 * compared measurement asked it with the same id, the same Danish wording and in the same theme (content
 * gives a statement whose meaning changed a new id); a theme's change is shown only when all its
 * statements are comparable, so a theme mean is never compared across different statements.
 *
 * @param comparableItems statements of the current measurement (all audiences) that are comparable
 * @param changedItems    statements of the current measurement that are not, left out of every change
 * @param scaleChanged    the answer scale's wording differs (e.g. content version 1 to 2)
 */
public record ContentComparison(int comparableItems, int changedItems, boolean scaleChanged) {

    static ContentComparison of(Map<Audience, Questionnaire> now, Map<Audience, Questionnaire> before) {
        int comparable = 0;
        int changed = 0;
        boolean scaleChanged = false;
        for (Map.Entry<Audience, Questionnaire> e : now.entrySet()) {
            Questionnaire previous = before.get(e.getKey());
            int same = previous == null ? 0 : comparableItems(e.getValue(), previous).size();
            comparable += same;
            changed += e.getValue().items().size() - same;
            scaleChanged |= previous != null && !labels(e.getValue().scale()).equals(labels(previous.scale()));
        }
        return new ContentComparison(comparable, changed, scaleChanged);
    }

    /** Ids of the statements of {@code now} that {@code before} asked identically. */
    static Set<String> comparableItems(Questionnaire now, Questionnaire before) {
        return now.items().stream()
                .filter(item -> before.item(item.id()).filter(old -> same(item, old)).isPresent())
                .map(Item::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when every statement of the theme, in both questionnaires, is comparable. */
    static boolean themeComparable(String themeId, Questionnaire now, Questionnaire before, Set<String> comparable) {
        List<String> current = now.itemsOf(themeId).stream().map(Item::id).toList();
        List<String> previous = before.itemsOf(themeId).stream().map(Item::id).toList();
        return !current.isEmpty() && Set.copyOf(current).equals(Set.copyOf(previous)) && comparable.containsAll(current);
    }

    /** Whether a reader must be told that not everything could be compared. */
    public boolean partial() {
        return changedItems > 0 || scaleChanged;
    }

    private static boolean same(Item now, Item before) {
        return now.theme().equals(before.theme()) && Objects.equals(now.text().da(), before.text().da());
    }

    private static List<String> labels(Scale scale) {
        return scale.choices().stream().map(ScaleOption::label).map(l -> l.da()).toList();
    }
}
