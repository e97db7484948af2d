package dk.vum.barometer.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.outbox.MessageCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dk.vum.barometer.web.ChatServer.ORG;
import static org.assertj.core.api.Assertions.assertThat;

class WebChatApiTest {

    private final ScriptedChatBot bot = new ScriptedChatBot(event -> List.of(Message.text("Hej")));
    private final ChatServer server = new ChatServer(bot);

    @AfterEach
    void stop() {
        server.close();
    }

    // ------------------------------------------------------------ reading

    @Test
    void listsTheUsersOfTheConfiguredOrganisationOnly() {
        JsonNode users = server.get("/api/chat/users").json();

        assertThat(users).hasSize(3);
        assertThat(users.get(0).get("id").asText()).isEqualTo("u1");
        assertThat(users.get(0).get("name").asText()).isEqualTo("Anna Andersen");
        assertThat(users.findValuesAsText("id")).containsExactly("u1", "u2", "u3");
    }

    @Test
    void listsTheUsersDirectConversationThenTheConfiguredChannelsOnly() {
        server.store.append(ORG, "projekt-x", null, MessageCodec.toJson(Message.text("Opslag")));
        server.store.append(ORG, "dm:u2", null, MessageCodec.toJson(Message.text("Privat")));

        JsonNode conversations = server.get("/api/chat/conversations?user=u1").json();

        assertThat(conversations.findValuesAsText("id"))
                .containsExactly("dm:u1", "team-nord", "team-syd", "ledelse");
        assertThat(conversations.get(0).get("direct").asBoolean()).isTrue();
        assertThat(conversations.get(1).get("direct").asBoolean()).isFalse();
        assertThat(conversations.get(1).get("name").asText()).isEqualTo("#team-nord");
    }

    @Test
    void readsAConversationAfterAGivenSeq() {
        long first = server.store.append(ORG, "team-nord", null, MessageCodec.toJson(Message.text("Et"))).seq();
        server.store.append(ORG, "team-nord", null, MessageCodec.toJson(Message.text("To")));

        JsonNode all = server.get("/api/chat/conversations/team-nord/messages?user=u1").json();
        JsonNode later = server.get("/api/chat/conversations/team-nord/messages?user=u1&after=" + first).json();

        assertThat(paragraphs(all.get("messages"))).containsExactly("Et", "To");
        assertThat(paragraphs(later.get("messages"))).containsExactly("To");
        assertThat(all.get("more").asBoolean()).isFalse();
    }

    @Test
    void saysThereIsMoreWhenAReadFillsAPage() {
        for (int i = 0; i < ChatApi.PAGE_SIZE + 1; i++) {
            server.store.append(ORG, "team-nord", null, MessageCodec.toJson(Message.text("nr " + i)));
        }

        JsonNode first = server.get("/api/chat/conversations/team-nord/messages?user=u1").json();
        long lastSeq = first.get("messages").get(ChatApi.PAGE_SIZE - 1).get("seq").asLong();
        JsonNode rest = server.get("/api/chat/conversations/team-nord/messages?user=u1&after=" + lastSeq).json();

        assertThat(first.get("messages")).hasSize(ChatApi.PAGE_SIZE);
        assertThat(first.get("more").asBoolean()).isTrue();
        assertThat(paragraphs(rest.get("messages"))).containsExactly("nr " + ChatApi.PAGE_SIZE);
        assertThat(rest.get("more").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------ events to the bot

    @Test
    void typedTextReachesTheBotWithTheUsersAddressAndTheClientIdAsDeliveryId() {
        ChatServer.Reply reply = server.post("/api/chat/messages",
                json(Map.of("user", "u1", "conversation", "dm:u1", "text", "hjælp", "clientId", "c-1")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(bot.received()).containsExactly(new Inbound.TextInput(
                new Address(ORG, "dm:u1", true, "u1", "Anna Andersen"), "c-1", "hjælp"));
    }

    @Test
    void aChannelMessageIsNotDirect() {
        server.post("/api/chat/messages",
                json(Map.of("user", "u2", "conversation", "team-nord", "text", "status", "clientId", "c-2")));

        assertThat(bot.received()).containsExactly(new Inbound.TextInput(
                new Address(ORG, "team-nord", false, "u2", "Bo Berg"), "c-2", "status"));
    }

    @Test
    void aReplyToACommandInAChannelIsTheAskersOnlyAndNotStoredThere() {
        bot.answer(event -> List.of(Message.text("Status for måling 1")));

        JsonNode reply = server.post("/api/chat/messages",
                json(Map.of("user", "u2", "conversation", "team-nord", "text", "status", "clientId", "c-9"))).json();

        assertThat(reply.get("replies")).singleElement().satisfies(entry -> {
            assertThat(entry.get("ephemeral").asBoolean()).isTrue();
            assertThat(entry.get("seq").asLong()).isZero();
            assertThat(entry.toString()).contains("Status for måling 1");
        });
        assertThat(server.get("/api/chat/conversations/team-nord/messages?user=u1").json().get("messages")).isEmpty();
        assertThat(server.store.transcript(ORG, "team-nord", 0, 10)).isEmpty();
    }

    @Test
    void aButtonPressReachesTheBotAsButtonInput() {
        server.post("/api/chat/actions", json(Map.of("user", "u1", "conversation", "dm:u1",
                "action", "answer", "value", "4", "clientId", "c-3")));

        assertThat(bot.received()).containsExactly(new Inbound.ButtonInput(
                new Address(ORG, "dm:u1", true, "u1", "Anna Andersen"), "c-3", "answer", "4"));
    }

    @Test
    void aSubmittedFormReachesTheBotAsFormInput() {
        server.post("/api/chat/forms", json(Map.of("user", "u1", "conversation", "dm:u1", "formId", "new-measurement",
                "values", Map.of("name", "Forår", "respondents", "u2,u3"), "clientId", "c-4")));

        assertThat(bot.received()).containsExactly(new Inbound.FormInput(
                new Address(ORG, "dm:u1", true, "u1", "Anna Andersen"), "c-4", "new-measurement",
                Map.of("name", "Forår", "respondents", "u2,u3")));
    }

    @Test
    void repliesAreReturnedAndKeptInTheConversation() {
        bot.answer(event -> List.of(Message.text("Første"), Message.of(new Block.Heading("Anden"))));

        JsonNode replies = server.post("/api/chat/messages",
                json(Map.of("user", "u1", "conversation", "dm:u1", "text", "hjælp", "clientId", "c-5"))).json();
        JsonNode stored = server.get("/api/chat/conversations/dm:u1/messages?user=u1").json();

        assertThat(replies.get("replies")).hasSize(2);
        assertThat(replies.get("replies").get(0).get("message").get("blocks").get(0).get("type").asText()).isEqualTo("paragraph");
        assertThat(replies.get("replies").get(1).get("message").get("blocks").get(0).get("text").asText()).isEqualTo("Anden");
        assertThat(stored.get("messages")).isEqualTo(replies.get("replies"));
    }

    @Test
    void aReplyWithAReplaceKeyReplacesTheEarlierOneInPlaceAndAPollPastItSeesTheChange() {
        bot.answer(event -> List.of(Message.text("Spørgsmål 1 af 18").withReplaceKey("survey-1")));
        long firstSeq = server.post("/api/chat/actions", json(Map.of("user", "u1", "conversation", "dm:u1",
                "action", "start", "clientId", "c-6"))).json().get("replies").get(0).get("seq").asLong();
        bot.answer(event -> List.of(Message.text("Spørgsmål 2 af 18").withReplaceKey("survey-1")));

        JsonNode second = server.post("/api/chat/actions", json(Map.of("user", "u1", "conversation", "dm:u1",
                "action", "answer", "value", "4", "clientId", "c-7"))).json().get("replies").get(0);
        JsonNode conversation = server.get("/api/chat/conversations/dm:u1/messages?user=u1").json().get("messages");
        JsonNode polled = server.get("/api/chat/conversations/dm:u1/messages?user=u1&after=" + firstSeq).json().get("messages");

        assertThat(second.get("replaceKey").asText()).isEqualTo("survey-1");
        assertThat(second.get("seq").asLong()).as("the seq says nothing about when it changed").isEqualTo(firstSeq);
        assertThat(paragraphs(conversation)).containsExactly("Spørgsmål 2 af 18");
        assertThat(paragraphs(polled)).containsExactly("Spørgsmål 2 af 18");
    }

    @Test
    void whatTheUserWritesIsNeverStored() {
        bot.answer(event -> List.of(Message.text("Tak for dit svar")));

        server.post("/api/chat/messages", json(Map.of("user", "u1", "conversation", "dm:u1",
                "text", "hemmeligt svar 4", "clientId", "c-8")));
        server.post("/api/chat/forms", json(Map.of("user", "u1", "conversation", "dm:u1", "formId", "comment",
                "values", Map.of("comment", "min hemmelige kommentar"), "clientId", "c-9")));

        assertThat(server.store.allPayloads()).hasSize(2)
                .allSatisfy(payload -> assertThat(payload).doesNotContain("hemmelig").contains("Tak for dit svar"));
    }

    @Test
    void acceptsTextOfTheMaximumLength() {
        String longest = "a".repeat(RequestBody.MAX_TEXT);

        ChatServer.Reply reply = server.post("/api/chat/messages",
                json(Map.of("user", "u1", "conversation", "dm:u1", "text", longest, "clientId", "c-10")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(((Inbound.TextInput) bot.received().get(0)).text()).isEqualTo(longest);
    }

    // ------------------------------------------------------------ refusals

    @Test
    void anUnknownUserGets404WithAJsonError() {
        List<ChatServer.Reply> replies = List.of(
                server.get("/api/chat/conversations?user=nobody"),
                server.get("/api/chat/conversations/team-nord/messages?user=nobody"),
                server.get("/api/chat/conversations?user=s1"),
                server.post("/api/chat/messages", json(Map.of("user", "nobody", "conversation", "dm:nobody",
                        "text", "hej", "clientId", "c-11"))));

        assertThat(replies).allSatisfy(reply -> assertError(reply, 404, "unknown_user"));
        assertThat(bot.received()).isEmpty();
    }

    @Test
    void anotherUsersDirectConversationIsForbidden() {
        server.store.append(ORG, "dm:u2", null, MessageCodec.toJson(Message.text("Til Bo")));

        ChatServer.Reply read = server.get("/api/chat/conversations/dm:u2/messages?user=u1");
        ChatServer.Reply write = server.post("/api/chat/messages",
                json(Map.of("user", "u1", "conversation", "dm:u2", "text", "hej", "clientId", "c-12")));

        assertError(read, 403, "forbidden");
        assertThat(read.body()).doesNotContain("Til Bo");
        assertError(write, 403, "forbidden");
        assertThat(bot.received()).isEmpty();
    }

    @Test
    void anUnknownChannelGets404() {
        assertError(server.get("/api/chat/conversations/hemmelig/messages?user=u1"), 404, "unknown_conversation");
        assertError(server.post("/api/chat/messages", json(Map.of("user", "u1", "conversation", "hemmelig",
                "text", "hej", "clientId", "c-13"))), 404, "unknown_conversation");
        assertThat(bot.received()).isEmpty();
    }

    @Test
    void malformedRequestsGet400WithAMessageNamingTheProblem() {
        Map<String, String> complete = Map.of("user", "u1", "conversation", "dm:u1", "text", "hej", "clientId", "c-14");
        List<ChatServer.Reply> replies = new ArrayList<>();
        replies.add(server.post("/api/chat/messages", "{not json"));
        replies.add(server.post("/api/chat/messages", "[1, 2]"));
        replies.add(server.post("/api/chat/messages", ""));
        for (String field : complete.keySet()) replies.add(server.post("/api/chat/messages", json(without(complete, field))));
        replies.add(server.post("/api/chat/messages", json(with(complete, "text", "   "))));
        replies.add(server.post("/api/chat/messages", json(with(complete, "text", 42))));
        replies.add(server.post("/api/chat/messages", json(with(complete, "text", "a".repeat(RequestBody.MAX_TEXT + 1)))));
        replies.add(server.post("/api/chat/actions", json(with(complete, "action", List.of("start")))));
        replies.add(server.post("/api/chat/forms", json(with(with(complete, "formId", "f"), "values", "name=x"))));
        replies.add(server.post("/api/chat/forms", json(with(with(complete, "formId", "f"), "values", Map.of("n", 1)))));
        replies.add(server.get("/api/chat/conversations"));
        replies.add(server.get("/api/chat/conversations/dm:u1/messages?user=u1&after=-1"));
        replies.add(server.get("/api/chat/conversations/dm:u1/messages?user=u1&after=tre"));

        assertThat(replies).allSatisfy(reply -> assertError(reply, 400, "bad_request"));
        assertThat(replies.get(0).json().get("message").asText()).isEqualTo("Forespørgslen er ikke gyldig JSON.");
        assertThat(replies.get(3 + List.copyOf(complete.keySet()).indexOf("text")).json().get("message").asText())
                .isEqualTo("Feltet 'text' mangler.");
        assertThat(replies.get(9).json().get("message").asText()).contains("for langt", "4000");
        assertThat(bot.received()).isEmpty();
        assertThat(server.store.allPayloads()).isEmpty();
    }

    @Test
    void aBodyOverJavalinsSizeLimitIsRefusedWithAJsonError() {
        ChatServer.Reply reply = server.post("/api/chat/messages",
                json(Map.of("user", "u1", "conversation", "dm:u1", "text", "a".repeat(2_000_000), "clientId", "c-16")));

        assertError(reply, 413, "http_413");
        assertThat(bot.received()).isEmpty();
    }

    @Test
    void aFailingBotGivesAJsonErrorWithoutAStackTrace() {
        bot.answer(event -> {
            throw new IllegalStateException("database is locked at dk.vum.Secret");
        });

        ChatServer.Reply reply = server.post("/api/chat/messages",
                json(Map.of("user", "u1", "conversation", "dm:u1", "text", "hej", "clientId", "c-15")));

        assertError(reply, 500, "internal");
        assertThat(reply.body()).doesNotContain("database", "dk.vum", "Exception");
    }

    // ------------------------------------------------------------ the page

    @Test
    void servesThePageAndItsAssetsWithAStrictContentSecurityPolicy() {
        ChatServer.Reply page = server.get("/");
        ChatServer.Reply script = server.get("/webchat/app.js");
        ChatServer.Reply style = server.get("/webchat/style.css");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Implementeringsbarometer", "/webchat/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.body()).doesNotContain("innerHTML", "insertAdjacentHTML", "outerHTML");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
    }

    // ------------------------------------------------------------ helpers

    private static void assertError(ChatServer.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("message").asText()).isNotBlank();
    }

    private static List<String> paragraphs(JsonNode entries) {
        List<String> texts = new ArrayList<>();
        entries.forEach(entry -> texts.add(entry.get("message").get("blocks").get(0).get("text").asText()));
        return texts;
    }

    private static String json(Map<String, ?> body) {
        try {
            return ApiJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> with(Map<String, ?> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, ?> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }
}
