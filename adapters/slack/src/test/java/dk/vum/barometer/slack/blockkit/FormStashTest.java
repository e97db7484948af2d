package dk.vum.barometer.slack.blockkit;

import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;
import dk.vum.barometer.core.store.AdapterStateStore;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FormStashTest {

    private static final OrgId ORG = new OrgId("slack:T1");

    private final Map<String, String> kept = new HashMap<>();
    private final FormStash stash = new FormStash(new AdapterStateStore() {
        @Override
        public void putState(OrgId org, String namespace, String key, String value) {
            kept.put(namespace + "/" + key, value);
        }

        @Override
        public Optional<String> state(OrgId org, String namespace, String key) {
            return Optional.ofNullable(kept.get(namespace + "/" + key));
        }

        @Override
        public void deleteState(OrgId org, String namespace, String key) {
            kept.remove(namespace + "/" + key);
        }

        @Override
        public Set<String> stateKeys(OrgId org, String namespace) {
            throw new UnsupportedOperationException("the stash reads one form at a time");
        }
    });

    @Test
    void aQuestionnaireFormIsKeptWithoutTheCommentOrTheTheme() {
        Block.Form anna = commentForm("Anna skriver om ledelsen", "t-ledelse", "Kommentar til Ledelse");
        Block.Form bo = commentForm("Bo skriver noget andet", "t-it", "Kommentar til IT");

        stash.keepForms(ORG, Message.of(anna));
        stash.keepForms(ORG, Message.of(bo));

        assertThat(kept).hasSize(1).allSatisfy((key, value) ->
                assertThat(value).doesNotContain("Anna", "Bo", "t-ledelse", "t-it", "Ledelse", "IT"));
        assertThat(FormStash.ref(anna)).isEqualTo(FormStash.ref(bo));
        Block.Form opened = stash.form(ORG, FormStash.ref(anna)).orElseThrow();
        assertThat(opened.hidden()).containsOnlyKeys(QuestionnaireActions.HIDDEN_MEASUREMENT);
        assertThat(opened.fields()).singleElement().satisfies(f -> assertThat(f.initialValue()).isNull());
    }

    @Test
    void otherFormsAreKeptAsTheyAre() {
        Block.Form form = new Block.Form("round.new", "Ny måling", List.of(new Block.FormField("name", "Navn",
                Block.FieldType.TEXT, true, "Forslag", List.of(), null)), "Opret", Map.of("x", "y"));
        stash.keepForms(ORG, Message.of(form));
        assertThat(stash.form(ORG, FormStash.ref(form))).contains(form);
    }

    private static Block.Form commentForm(String comment, String theme, String title) {
        return new Block.Form(QuestionnaireActions.COMMENT, title, List.of(new Block.FormField(QuestionnaireActions.FIELD_COMMENT,
                "Din kommentar (valgfri)", Block.FieldType.MULTILINE, false, comment, List.of(), "hint")), "Gem",
                Map.of(QuestionnaireActions.HIDDEN_MEASUREMENT, "1", QuestionnaireActions.HIDDEN_THEME, theme));
    }
}
