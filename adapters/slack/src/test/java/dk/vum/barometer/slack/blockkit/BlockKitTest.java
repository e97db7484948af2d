package dk.vum.barometer.slack.blockkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Block Kit JSON Slack would receive, read back as JSON. */
class BlockKitTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INJECTION = "<!channel> <@U123> <https://evil|klik> & co";

    static JsonNode json(Object blocksOrView) {
        try {
            return JSON.readTree(GsonFactory.createSnakeCase().toJson(blocksOrView));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        node.findValues("text").forEach(t -> texts.add(t.isTextual() ? t.asText() : t.path("text").asText()));
        return texts;
    }

    @Test
    void userTextIsEscapedEverywhereInMrkdwnAndMarkedVerbatim() {
        Message m = Message.of(new Block.Paragraph(INJECTION), new Block.Context(INJECTION),
                new Block.BulletList(List.of(INJECTION)), new Block.Fields(List.of(new Block.Field(INJECTION, INJECTION))),
                new Block.Bars(INJECTION, List.of(new Block.Bar(INJECTION, 3, 5, "3,0"))));
        JsonNode blocks = json(BlockKit.blocks(m));
        String all = blocks.toString();
        assertThat(all).doesNotContain("<!channel>", "<@U123>", "<https://evil").contains("&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|klik&gt; &amp; co");
        blocks.findParents("type").stream().filter(n -> "mrkdwn".equals(n.path("type").asText()))
                .forEach(n -> assertThat(n.path("verbatim").asBoolean()).isTrue());
        assertThat(BlockKit.fallbackText(m)).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
    }

    @Test
    void aQuestionHasItsStatementScaleButtonsWithUniqueIdsAndProgress() {
        List<Block.Button> choices = IntStream.rangeClosed(0, 5)
                .mapToObj(v -> Block.Button.of(v == 0 ? "Ved ikke" : String.valueOf(v), "q.answer", "1|item-7|" + v)).toList();
        Message m = Message.of(new Block.Question("Ledelse", "Vi har en plan", 4, 24, "Spørgsmål 4 af 24", choices, "3", "1|item-7|3"));
        JsonNode blocks = json(BlockKit.blocks(m));
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("*Ledelse*\nVi har en plan");
        JsonNode buttons = blocks.get(1).path("elements");
        assertThat(buttons).hasSize(6);
        List<String> ids = new ArrayList<>();
        buttons.forEach(b -> ids.add(b.path("action_id").asText()));
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(ActionIds.decode(id)).isEqualTo("q.answer"));
        assertThat(buttons.get(3).path("value").asText()).isEqualTo("1|item-7|3");
        assertThat(buttons.get(3).path("style").asText()).isEqualTo("primary");
        assertThat(buttons.get(2).has("style")).isFalse();
        assertThat(blocks.get(2).path("type").asText()).isEqualTo("context");
        assertThat(blocks.get(2).path("elements").get(0).path("text").asText()).isEqualTo("Spørgsmål 4 af 24");
    }

    @Test
    void longMessagesStayWithinSlacksLimits() {
        List<Block> many = new ArrayList<>();
        many.add(new Block.Heading("H".repeat(400)));
        many.add(new Block.Paragraph("x".repeat(2000) + "\n" + "y".repeat(2000) + "\n" + "z".repeat(3500)));
        many.add(new Block.Actions(IntStream.range(0, 30).mapToObj(i -> Block.Button.of("B".repeat(100), "a", "v".repeat(2500))).toList()));
        many.add(new Block.Fields(IntStream.range(0, 12).mapToObj(i -> new Block.Field("f" + i, "w".repeat(2500))).toList()));
        for (int i = 0; i < 60; i++) many.add(new Block.Context("line " + i + " & <" + i + ">"));
        Message m = new Message(many, null);

        List<List<LayoutBlock>> messages = BlockKit.messages(m);
        assertThat(messages).allSatisfy(part -> assertThat(part.size()).isLessThanOrEqualTo(BlockKit.MAX_BLOCKS));
        assertThat(messages.stream().mapToInt(List::size).sum()).isEqualTo(BlockKit.blocks(m).size());
        JsonNode blocks = json(BlockKit.blocks(m));
        assertThat(blocks.get(0).path("text").path("text").asText()).hasSize(BlockKit.MAX_HEADER).endsWith("…");
        for (JsonNode text : blocks.findValues("text")) {
            if (text.isObject()) assertThat(text.path("text").asText().length()).isLessThanOrEqualTo(BlockKit.MAX_TEXT);
        }
        blocks.findParents("elements").stream().filter(b -> "actions".equals(b.path("type").asText()))
                .forEach(a -> assertThat(a.path("elements").size()).isLessThanOrEqualTo(BlockKit.MAX_ACTIONS));
        blocks.findValues("value").forEach(v -> assertThat(v.asText().length()).isLessThanOrEqualTo(BlockKit.MAX_BUTTON_VALUE));
        blocks.findParents("action_id").forEach(b -> assertThat(b.path("text").path("text").asText().length())
                .isLessThanOrEqualTo(BlockKit.MAX_BUTTON_TEXT));
        blocks.findValues("fields").forEach(f -> {
            assertThat(f.size()).isLessThanOrEqualTo(BlockKit.MAX_FIELDS);
            f.forEach(field -> assertThat(field.path("text").asText().length()).isLessThanOrEqualTo(BlockKit.MAX_FIELD_TEXT));
        });
        // Nothing is lost in the split: every context line is there, escaped.
        assertThat(blocks.toString()).contains("line 59 &amp; &lt;59&gt;");
        assertThat(BlockKit.fallbackText(m).length()).isLessThanOrEqualTo(BlockKit.MAX_TEXT);
    }

    @Test
    void barsAreDrawnAsTextWithTheirNumbers() {
        Message m = Message.of(new Block.Bars("Medarbejdere", List.of(new Block.Bar("Ledelse", 4.0, 5.0, "4,0"),
                new Block.Bar("IT", 2.5, 5.0, "2,5"))));
        String text = json(BlockKit.blocks(m)).get(0).path("text").path("text").asText();
        assertThat(text).isEqualTo("*Medarbejdere*\n`████████░░` 4,0  Ledelse\n`█████░░░░░` 2,5  IT");
    }

    @Test
    void aFormInAMessageIsAButtonThatOpensItAndBecomesAModalWithSlacksPickers() {
        Block.Form form = new Block.Form("m.new", "Ny måling til <!channel>", List.of(
                new Block.FormField("name", "Navn", Block.FieldType.TEXT, true, null, null, "fx Team Nord"),
                new Block.FormField("note", "Note", Block.FieldType.MULTILINE, false, null, null, null),
                new Block.FormField("stage", "Stadie", Block.FieldType.SELECT, true, "opstart",
                        List.of(new Block.Option("opstart", "Opstart"), new Block.Option("forankring", "Forankring")), null),
                new Block.FormField("deadline", "Frist", Block.FieldType.DATE, true, "2026-12-15", null, null),
                new Block.FormField("users", "Personer", Block.FieldType.USERS, true, null, null, null),
                new Block.FormField("channel", "Kanal", Block.FieldType.CHANNEL, false, null, null, null)),
                "Opret", Map.of("measurement", "3"));
        JsonNode inMessage = json(BlockKit.blocks(Message.of(form)));
        assertThat(inMessage.get(0).path("accessory").path("action_id").asText()).isEqualTo(ActionIds.OPEN_FORM);
        assertThat(inMessage.get(0).path("accessory").path("value").asText()).isEqualTo(FormStash.ref(form)).hasSize(32);
        // mrkdwn is escaped; plain_text (the button's label) is never parsed for mentions by Slack.
        assertThat(inMessage.get(0).path("text").path("text").asText()).isEqualTo("*Ny måling til &lt;!channel&gt;*");
        assertThat(inMessage.get(0).path("accessory").path("text").path("type").asText()).isEqualTo("plain_text");

        View modal = Modals.form(form, "{\"form\":\"m.new\"}");
        JsonNode view = json(modal);
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("title").path("text").asText().length()).isLessThanOrEqualTo(24);
        JsonNode inputs = view.path("blocks");
        assertThat(inputs).hasSize(6);
        List<String> types = new ArrayList<>();
        inputs.forEach(i -> types.add(i.path("element").path("type").asText()));
        assertThat(types).containsExactly("plain_text_input", "plain_text_input", "static_select", "datepicker",
                "multi_users_select", "conversations_select");
        assertThat(inputs.get(1).path("element").path("multiline").asBoolean()).isTrue();
        assertThat(inputs.get(1).path("optional").asBoolean()).isTrue();
        assertThat(inputs.get(2).path("element").path("initial_option").path("value").asText()).isEqualTo("opstart");
        assertThat(inputs.get(3).path("element").path("initial_date").asText()).isEqualTo("2026-12-15");
        assertThat(inputs.get(0).path("block_id").asText()).isEqualTo("name");
    }

    @Test
    void truncationNeverCutsAnEscapeSequenceInHalf() {
        String escaped = "a".repeat(2995) + "&amp;&amp;";
        List<String> parts = BlockKit.split(escaped);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).endsWith("a&amp;").hasSizeLessThanOrEqualTo(BlockKit.MAX_TEXT);
        assertThat(parts.get(1)).isEqualTo("&amp;");
        assertThat(Mrkdwn.truncate("abc&amp;def", 6)).isEqualTo("abc…");
    }
}
