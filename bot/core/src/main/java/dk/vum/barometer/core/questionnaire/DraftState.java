package dk.vum.barometer.core.questionnaire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.vum.barometer.content.Item;
import dk.vum.barometer.content.Questionnaire;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a respondent is in a questionnaire: answers so far (0 = ved ikke), comments per theme, the
 * current position (an item id or {@link #REVIEW}), and the theme whose comment the next typed text is.
 * Kept as JSON in the draft until submission.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftState(Map<String, Integer> answers, Map<String, String> comments, String position,
                         String awaitingComment) {

    public static final String REVIEW = "@review";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public DraftState {
        answers = new LinkedHashMap<>(answers == null ? Map.of() : answers);
        comments = new LinkedHashMap<>(comments == null ? Map.of() : comments);
    }

    public static DraftState start(Questionnaire questionnaire) {
        return new DraftState(Map.of(), Map.of(), questionnaire.items().get(0).id(), null);
    }

    public boolean atReview() {
        return REVIEW.equals(position);
    }

    public boolean complete(Questionnaire questionnaire) {
        return questionnaire.items().stream().allMatch(i -> answers.containsKey(i.id()));
    }

    /** Records an answer and moves on: to the next unanswered item after it, else any unanswered, else review. */
    public DraftState answer(Questionnaire questionnaire, String itemId, int value) {
        Map<String, Integer> next = new LinkedHashMap<>(answers);
        next.put(itemId, value);
        return new DraftState(next, comments, positionAfter(questionnaire, next, itemId), null);
    }

    /** One step back from {@code from} (an item or the review); stays on the first item. */
    public DraftState back(Questionnaire questionnaire, String from) {
        int index = REVIEW.equals(from) ? questionnaire.items().size() : questionnaire.indexOf(from);
        if (index < 0) return this;
        Item target = questionnaire.items().get(Math.max(0, index - 1));
        return new DraftState(answers, comments, target.id(), null);
    }

    public DraftState goTo(String positionId) {
        return new DraftState(answers, comments, positionId, null);
    }

    public DraftState awaitComment(String themeId) {
        return new DraftState(answers, comments, position, themeId);
    }

    /** Sets (or, when blank, removes) the comment for a theme and stops waiting for one. */
    public DraftState comment(String themeId, String text) {
        Map<String, String> next = new LinkedHashMap<>(comments);
        if (text == null || text.isBlank()) next.remove(themeId);
        else next.put(themeId, text.strip());
        return new DraftState(answers, next, position, null);
    }

    public DraftState stopAwaitingComment() {
        return new DraftState(answers, comments, position, null);
    }

    private static String positionAfter(Questionnaire questionnaire, Map<String, Integer> answered, String itemId) {
        var items = questionnaire.items();
        int from = questionnaire.indexOf(itemId);
        for (int i = from + 1; i < items.size(); i++) {
            if (!answered.containsKey(items.get(i).id())) return items.get(i).id();
        }
        for (Item item : items) {
            if (!answered.containsKey(item.id())) return item.id();
        }
        return REVIEW;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DraftState fromJson(String json) {
        try {
            return JSON.readValue(json, DraftState.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
