package dk.vum.barometer.app;

import dk.vum.barometer.core.ChatBot;
import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.MessageCodec;
import dk.vum.barometer.core.store.TranscriptEntry;
import dk.vum.barometer.core.store.TranscriptStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays users of the demo organisation through whole conversations with the real bot, and reads what
 * the outbox delivered to their conversations. Assertions are on structured replies, not rendered text.
 * This one hands events to the bot in-process; {@link HttpTestChat} plays the same through the web chat's
 * HTTP API.
 */
class TestChat {

    private final ChatBot bot;
    private final TranscriptStore transcripts;
    private final OrgId org;

    TestChat(ChatBot bot, TranscriptStore transcripts, OrgId org) {
        this.bot = bot;
        this.transcripts = transcripts;
        this.org = org;
    }

    static Address dm(OrgId org, String user) {
        return new Address(org, "dm:" + user, true, user, null);
    }

    /** Delivers one event and returns the bot's replies to it. */
    protected List<Message> deliver(Inbound event) {
        return bot.handle(event);
    }

    List<Message> say(String user, String text) {
        return deliver(new Inbound.TextInput(dm(org, user), UUID.randomUUID().toString(), text));
    }

    List<Message> sayIn(String channel, String user, String text) {
        return deliver(new Inbound.TextInput(new Address(org, channel, false, user, null), UUID.randomUUID().toString(), text));
    }

    List<Message> press(String user, Block.Button button) {
        return press(user, button, UUID.randomUUID().toString());
    }

    /** A press with a chosen delivery id: the same id twice is one delivery delivered twice. */
    List<Message> press(String user, Block.Button button, String deliveryId) {
        return deliver(new Inbound.ButtonInput(dm(org, user), deliveryId, button.action(), button.value()));
    }

    /** A press on a button of a message in a channel: whoever presses acts, in that channel. */
    List<Message> pressIn(String channel, String user, Block.Button button) {
        return deliver(new Inbound.ButtonInput(new Address(org, channel, false, user, null), UUID.randomUUID().toString(),
                button.action(), button.value()));
    }

    List<Message> submitIn(String channel, String user, Block.Form form, Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(form.hidden());
        all.putAll(values);
        return deliver(new Inbound.FormInput(new Address(org, channel, false, user, null), UUID.randomUUID().toString(),
                form.formId(), all));
    }

    /** Starts from the newest invitation of the given measurement and answers everything. */
    void answerAll(String user, IntUnaryOperator value, int measurement) {
        Block.Button start = buttons(inbox(user), b -> b.action().equals("q.start") && b.value().equals(String.valueOf(measurement))).get(0);
        answerRest(user, press(user, start), value);
    }

    /** Answers from the shown question to the end, then submits from the review. */
    void answerRest(String user, List<Message> shown, IntUnaryOperator value) {
        List<Message> q = shown;
        while (q.stream().flatMap(m -> m.blocks().stream()).anyMatch(b -> b instanceof Block.Question)) {
            q = press(user, answerButton(q, value.applyAsInt(question(q).number())));
        }
        assertThat(text(q)).contains("Gennemse dine svar");
        List<Message> thanks = press(user, button(q, "q.submit"));
        assertThat(text(thanks)).contains("Tak for din besvarelse");
    }

    List<Message> submit(String user, Block.Form form, Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(form.hidden());
        all.putAll(values);
        return deliver(new Inbound.FormInput(dm(org, user), UUID.randomUUID().toString(), form.formId(), all));
    }

    /** Messages in a conversation as the web chat shows them (replaced ones once, in their latest form). */
    List<Message> conversation(String conversationId) {
        List<Message> messages = new ArrayList<>();
        for (TranscriptEntry e : transcripts.transcript(org, conversationId, 0, 10_000)) {
            messages.add(MessageCodec.fromJson(e.payload()));
        }
        return messages;
    }

    List<Message> inbox(String user) {
        return conversation("dm:" + user);
    }

    static Block.Button button(List<Message> messages, String action) {
        return buttons(messages, b -> b.action().equals(action)).get(0);
    }

    static Block.Button answerButton(List<Message> messages, int value) {
        return buttons(messages, b -> b.action().equals("q.answer") && b.value().endsWith("|" + value)).get(0);
    }

    static List<Block.Button> buttons(List<Message> messages, Predicate<Block.Button> which) {
        List<Block.Button> found = new ArrayList<>();
        for (Message m : messages) {
            for (Block b : m.blocks()) {
                if (b instanceof Block.Actions a) a.buttons().stream().filter(which).forEach(found::add);
                if (b instanceof Block.Question q) q.choices().stream().filter(which).forEach(found::add);
            }
        }
        if (found.isEmpty()) throw new AssertionError("no such button in " + text(messages));
        return found;
    }

    static Block.Question question(List<Message> messages) {
        return blocks(messages, Block.Question.class).get(0);
    }

    static Block.Form form(List<Message> messages) {
        return blocks(messages, Block.Form.class).get(0);
    }

    static <T extends Block> List<T> blocks(List<Message> messages, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Message m : messages) {
            for (Block b : m.blocks()) if (type.isInstance(b)) found.add(type.cast(b));
        }
        if (found.isEmpty()) throw new AssertionError("no " + type.getSimpleName() + " in " + text(messages));
        return found;
    }

    static String text(List<Message> messages) {
        StringBuilder sb = new StringBuilder();
        for (Message m : messages) sb.append(m.plainText()).append('\n');
        return sb.toString();
    }
}
