package dk.vum.barometer.teams.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.teams.TeamsValidation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveCardRendererTest {

    @Test
    void userTextNeverBecomesFormattingALinkOrAList() {
        assertThat(TeamsMarkdown.escape("**fed** _kursiv_ [klik](https://evil.example) <at>Bo</at>"))
                .isEqualTo("\\*\\*fed\\*\\* \\_kursiv\\_ \\[klik\\](https:\u200B//evil.example) <at>Bo</at>");
        assertThat(TeamsMarkdown.escape("- punkt\n1. punkt\n* punkt")).isEqualTo("\\- punkt\n1\\. punkt\n\\* punkt");
        assertThat(TeamsMarkdown.escape("www.example.dk")).isEqualTo("w\u200Bww.example.dk");
    }

    @Test
    void onlyWhatTeamsWouldFormatIsEscapedSoNoClientShowsBackslashes() {
        for (String plain : List.of("hjælp (help)", "Helt enig, 15.12.2026", "sagsbehandler-team - 3. kvartal",
                "tilføj 1 sagsbehandler @Anna @Bo", "bo@example.dk", "3 * 4", "navn_med_understreg", "[udkast]")) {
            assertThat(TeamsMarkdown.escape(plain)).as(plain).isEqualTo(plain);
        }
    }

    @Test
    void aQuestionIsItsStatementTheScaleAsSubmitActionsAndTheProgress() {
        Block.Question q = new Block.Question("Ledelse", "Ledelsen *bakker* op", 4, 24, "Spørgsmål 4 af 24",
                List.of(Block.Button.of("Helt uenig", "q.answer", "1|i4|1"), Block.Button.of("Ved ikke", "q.answer", "1|i4|0")), "0", "1|i4|0");
        ObjectNode card = AdaptiveCardRenderer.render(Message.of(q).withReplaceKey("questionnaire:1"), Pickers.NONE);
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(card.toString()).contains("Ledelsen \\\\*bakker\\\\* op", "Spørgsmål 4 af 24");
        TeamsValidation.cards(List.of(card));
        List<JsonNode> actions = new ArrayList<>();
        card.findValues("actions").forEach(list -> list.forEach(actions::add));
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).path("data").toString()).isEqualTo("{\"barometer\":\"button\",\"action\":\"q.answer\",\"value\":\"1|i4|1\"}");
        assertThat(actions.get(1).path("title").asText()).isEqualTo("✓ Ved ikke");
        assertThat(actions.get(1).path("style").asText()).isEqualTo("positive");
    }

    @Test
    void inAChannelButtonsAreUniversalActionsWithTheirActionAsVerb() {
        Message message = Message.of(new Block.Paragraph("Tjekspørgsmål 3"),
                new Block.Actions(List.of(Block.Button.of("Ja", "c.answer", "3|ja"), Block.Button.of("Nej", "c.answer", "3|nej"))));
        ObjectNode card = AdaptiveCardRenderer.render(message, Pickers.NONE, 26_000, true);
        JsonNode action = card.findValues("actions").get(0).get(0);
        assertThat(action.path("type").asText()).isEqualTo("Action.Execute");
        assertThat(action.path("verb").asText()).isEqualTo("c.answer");
        assertThat(action.path("data").toString()).isEqualTo("{\"barometer\":\"button\",\"action\":\"c.answer\",\"value\":\"3|ja\"}");
        TeamsValidation.cards(List.of(card));
    }

    @Test
    void aFormHasPrefixedInputsPickersAndItsHiddenValuesInTheSubmitData() {
        Block.Form form = new Block.Form("m.add", "Tilføj", List.of(
                new Block.FormField("users", "Hvem", Block.FieldType.USERS, true, null, null, null),
                new Block.FormField("deadline", "Frist", Block.FieldType.DATE, true, null, null, null),
                new Block.FormField("channel", "Kanal", Block.FieldType.CHANNEL, false, null, null, null)),
                "Tilføj", Map.of("measurement", "3"));
        Pickers pickers = new Pickers(List.of(new Pickers.Choice("29:anna", "Anna")), List.of());
        ObjectNode card = AdaptiveCardRenderer.render(Message.of(form), pickers);
        JsonNode body = card.path("body");
        assertThat(body.get(1).path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(body.get(1).path("id").asText()).isEqualTo("f.users");
        assertThat(body.get(1).path("isMultiSelect").asBoolean()).isTrue();
        assertThat(body.get(1).path("choices").get(0).path("value").asText()).isEqualTo("29:anna");
        assertThat(body.get(2).path("type").asText()).isEqualTo("Input.Date");
        assertThat(body.get(3).path("type").asText()).isEqualTo("Input.Text");
        JsonNode data = body.get(4).path("actions").get(0).path("data");
        assertThat(data.toString()).isEqualTo("{\"barometer\":\"form\",\"formId\":\"m.add\",\"hidden\":{\"measurement\":\"3\"}}");
    }

    @Test
    void barsAreLabelAndValueInWordsOverADrawnBarWithoutGlyphs() {
        Block.Bars bars = new Block.Bars("Ledelse", List.of(new Block.Bar("Ledere", 3.5, 5, "3,5 af 5"),
                new Block.Bar("Sagsbehandlere", 0, 0, "–")));
        ObjectNode card = AdaptiveCardRenderer.render(Message.of(bars), Pickers.NONE);
        assertThat(card.findValues("facts").toString()).contains("\"title\":\"Ledere\",\"value\":\"3,5 af 5\"");
        assertThat(card.toString()).doesNotContain("█", "░");
        List<JsonNode> columns = card.findValues("columns");
        assertThat(columns.get(0).get(0).path("width").asText()).isEqualTo("7");
        assertThat(columns.get(0).get(1).path("width").asText()).isEqualTo("3");
        assertThat(columns.get(1)).hasSize(1);
        assertThat(card.path("fallbackText").asText()).contains("Ledere", "3,5 af 5");
        TeamsValidation.cards(List.of(card));
    }

    @Test
    void aPeoplePickerThatDoesNotFitGivesWayToTypedMentions() {
        List<Pickers.Choice> people = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            // Real Teams user ids are about 90 characters; names of about 70.
            people.add(new Pickers.Choice("29:1" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3vW5xY7zA9bC1dE3fG5hJ7" + i,
                    "Medarbejder nummer " + i + " i Social- og Sundhedsforvaltningens Voksenhandicap"));
        }
        Message form = dk.vum.barometer.core.rounds.RoundForms.addRespondents(dk.vum.barometer.content.Language.DA,
                List.of(), null);
        ObjectNode fits = AdaptiveCardRenderer.render(form, new Pickers(people.subList(0, 60), List.of()), 26_000);
        assertThat(fits.toString()).contains("Input.ChoiceSet", people.get(59).id());
        ObjectNode typed = AdaptiveCardRenderer.render(form, new Pickers(people, List.of()), 26_000);
        assertThat(AdaptiveCardRenderer.bytes(typed)).isLessThanOrEqualTo(26_000);
        assertThat(typed.toString()).doesNotContain(people.get(0).id()).contains("@-omtaler");
        TeamsValidation.cards(List.of(fits, typed));
    }

    @Test
    void aCardTooLargeForTeamsIsCutFromTheEndKeepingItsButtons() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading("Sammenfatning"));
        for (int i = 0; i < 400; i++) blocks.add(new Block.Paragraph("Kommentar nummer " + i + " ".repeat(80)));
        blocks.add(new Block.Actions(List.of(Block.Button.of("Del", "r.post", "1"))));
        ObjectNode card = AdaptiveCardRenderer.render(new Message(blocks, null), Pickers.NONE);
        assertThat(card.toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
        assertThat(card.toString()).contains("Sammenfatning", "Kommentar nummer 0 ", "r.post", "…").doesNotContain("Kommentar nummer 399");
        TeamsValidation.cards(List.of(card));
    }

    @Test
    void aChartIsAnImageByItsHostedUrlAndAFileAButtonThatOpensItsLink() {
        ObjectNode card = AdaptiveCardRenderer.render(Message.of(
                new Block.Image("https://barometer.kommune.dk/files/abc/maaling-1-temaer.png", "Diagram: Kommunikation 3,8"),
                new Block.File("https://barometer.kommune.dk/files/def/maaling-1.pdf", "maaling-1.pdf", "application/pdf")), Pickers.NONE);

        assertThat(card.path("body").path(0).path("type").asText()).isEqualTo("Image");
        assertThat(card.path("body").path(0).path("url").asText()).isEqualTo("https://barometer.kommune.dk/files/abc/maaling-1-temaer.png");
        assertThat(card.path("body").path(0).path("altText").asText()).isEqualTo("Diagram: Kommunikation 3,8");
        JsonNode open = card.path("body").path(1).path("actions").path(0);
        assertThat(open.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(open.path("url").asText()).endsWith("/files/def/maaling-1.pdf");
    }

    @Test
    void withoutAPublicAddressTheChartIsItsAltTextInWords() {
        ObjectNode card = AdaptiveCardRenderer.render(Message.of(new Block.Image("/files/abc/maaling-1-temaer.png", "Diagram: Kommunikation 3,8"),
                new Block.File("/files/def/maaling-1.pdf", "maaling-1.pdf", "application/pdf")), Pickers.NONE);

        assertThat(card.toString()).doesNotContain("\"Image\"", "Action.OpenUrl", "/files/");
        assertThat(card.path("body").path(0).path("text").asText()).contains("Diagram: Kommunikation 3,8");
    }
}
