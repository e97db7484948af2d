package dk.vum.barometer.content;

import java.util.List;
import java.util.Optional;

/**
 * One of the four questionnaires (stage x audience). Immutable; a measurement pins the exact
 * content it started with by {@link QuestionnaireCodec#hash(Questionnaire)}.
 */
public record Questionnaire(
        String id,
        int version,
        Stage stage,
        Audience audience,
        Text title,
        Text intro,
        Scale scale,
        List<Theme> themes,
        List<Item> items) {

    public Questionnaire {
        themes = List.copyOf(themes);
        items = List.copyOf(items);
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    public Optional<Theme> theme(String themeId) {
        return themes.stream().filter(t -> t.id().equals(themeId)).findFirst();
    }

    public int indexOf(String itemId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(itemId)) return i;
        }
        return -1;
    }

    public List<Item> itemsOf(String themeId) {
        return items.stream().filter(i -> i.theme().equals(themeId)).toList();
    }
}
