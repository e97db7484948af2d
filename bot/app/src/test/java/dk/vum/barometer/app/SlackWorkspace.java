package dk.vum.barometer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.slack.blockkit.ActionIds;
import dk.vum.barometer.slack.blockkit.Modals;
import dk.vum.barometer.slack.testing.SignedSlack;
import dk.vum.barometer.slack.testing.SlackApiStub;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static dk.vum.barometer.slack.testing.SignedSlack.FORM;
import static dk.vum.barometer.slack.testing.SignedSlack.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People in a Slack workspace talking to the running app: signed slash commands, clicks and modal
 * submissions go to {@code /slack/events}; what the bot showed is read from the Web API stub's calls.
 * Every step waits until the bot's answer has arrived at the stub.
 */
final class SlackWorkspace {

    private static final Set<String> POSTS = Set.of("chat.postMessage", "chat.update");

    final SlackApiStub stub;
    final SignedSlack slack;

    SlackWorkspace(SlackApiStub stub, int appPort, String secret, Clock clock) {
        this.stub = stub;
        this.slack = new SignedSlack(URI.create("http://127.0.0.1:" + appPort + "/slack/events"), secret, clock, SlackApiStub.TEAM);
    }

    static String dm(String user) {
        return "D" + user;
    }

    /** {@code /barometer text} in the user's DM with the bot; returns the bot's answer there. */
    JsonNode command(String user, String text) {
        return answerIn(dm(user), () -> accepted(slack.post(slack.command(user, dm(user), text, stub.responseUrl(user)), FORM).statusCode()));
    }

    /** {@code /barometer text} that answers with a form: returns the modal Slack was asked to open. */
    JsonNode commandOpeningModal(String user, String text) {
        int before = stub.accepted("views.open").size();
        accepted(slack.post(slack.command(user, dm(user), text, stub.responseUrl(user)), FORM).statusCode());
        return stub.await("views.open", c -> true, before + 1).json("view");
    }

    /** Submits a modal with the given state values; returns the answer in the user's DM. */
    JsonNode submit(String user, JsonNode modal, ObjectNode values) {
        String viewId = "V" + SignedSlack.next();
        return answerIn(dm(user), () -> accepted(slack.post(slack.viewSubmission(user, viewId, Modals.FORM_CALLBACK,
                modal.path("private_metadata").asText(), values), FORM).statusCode()));
    }

    /** Clicks a button of the newest message in the user's DM; returns the (updated or new) message. */
    JsonNode press(String user, JsonNode button) {
        String actionTs = "1700000500." + SignedSlack.next();
        return answerIn(dm(user), () -> click(user, button, actionTs));
    }

    void click(String user, JsonNode button, String actionTs) {
        accepted(slack.post(slack.blockAction(user, dm(user), "0", button.path("action_id").asText(),
                button.path("value").asText(), actionTs, stub.responseUrl(user)), FORM).statusCode());
    }

    /**
     * Clicks a button of a message in a channel; returns the text of the reply, which Slack shows only to
     * the one who clicked (through the click's response URL).
     */
    String pressIn(String user, String channel, JsonNode button) {
        int before = stub.accepted("response_url").size();
        accepted(slack.post(slack.blockAction(user, channel, "0", button.path("action_id").asText(),
                button.path("value").asText(), "1700000700." + SignedSlack.next(), stub.responseUrl(user)), FORM).statusCode());
        return stub.await("response_url", c -> true, before + 1).param("text");
    }

    /** Clicks a button that answers with a form; returns the modal. */
    JsonNode pressOpeningModal(String user, JsonNode button) {
        int before = stub.accepted("views.open").size();
        click(user, button, "1700000600." + SignedSlack.next());
        return stub.await("views.open", c -> true, before + 1).json("view");
    }

    /** Runs the step and waits for the next message posted or updated in the channel. */
    JsonNode answerIn(String channel, Runnable step) {
        int before = posts(channel).size();
        step.run();
        return awaitPosts(channel, before + 1);
    }

    JsonNode awaitPosts(String channel, int count) {
        return eventually("no message #" + count + " in " + channel)
                .until(() -> posts(channel), posts -> posts.size() >= count).get(count - 1).json("blocks");
    }

    /** The messages shown in the channel from index {@code from} until (not including) the first one matching. */
    List<SlackApiStub.Call> postsUntil(String channel, int from, Predicate<SlackApiStub.Call> last) {
        List<SlackApiStub.Call> posts = eventually("the awaited message did not come in " + channel)
                .until(() -> posts(channel), p -> p.stream().skip(from).anyMatch(last));
        for (int i = from; ; i++) if (last.test(posts.get(i))) return posts.subList(from, i);
    }

    List<SlackApiStub.Call> posts(String channel) {
        return stub.calls().stream().filter(c -> POSTS.contains(c.method()) && !c.limited() && channel.equals(c.param("channel"))).toList();
    }

    /** The newest blocks shown in a channel. */
    JsonNode latest(String channel) {
        List<SlackApiStub.Call> posts = posts(channel);
        assertThat(posts).as("messages in " + channel).isNotEmpty();
        return posts.get(posts.size() - 1).json("blocks");
    }

    static List<JsonNode> buttons(JsonNode blocks, Predicate<JsonNode> which) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode block : blocks) {
            if (block.has("accessory") && "button".equals(block.path("accessory").path("type").asText())) found.add(block.path("accessory"));
            for (JsonNode e : block.path("elements")) if ("button".equals(e.path("type").asText())) found.add(e);
        }
        return found.stream().filter(which).toList();
    }

    static JsonNode button(JsonNode blocks, String action) {
        List<JsonNode> found = buttons(blocks, b -> ActionIds.decode(b.path("action_id").asText()).equals(action));
        assertThat(found).as("button " + action + " in " + blocks).isNotEmpty();
        return found.get(0);
    }

    static JsonNode answerButton(JsonNode blocks, int value) {
        List<JsonNode> found = buttons(blocks, b -> ActionIds.decode(b.path("action_id").asText()).equals("q.answer")
                && b.path("value").asText().endsWith("|" + value));
        assertThat(found).as("answer " + value + " in " + blocks).hasSize(1);
        return found.get(0);
    }

    static boolean hasQuestion(JsonNode blocks) {
        return !buttons(blocks, b -> ActionIds.decode(b.path("action_id").asText()).equals("q.answer")).isEmpty();
    }

    /** The question's number, from its context line ("Spørgsmål 4 af 24"). */
    static int questionNumber(JsonNode blocks) {
        for (JsonNode block : blocks) {
            if ("context".equals(block.path("type").asText())) {
                String text = block.path("elements").get(0).path("text").asText();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) af \\d+").matcher(text);
                if (m.find()) return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no progress line in " + blocks);
    }

    /** State values of a modal as Slack sends them: {@code {field: {field: {type, ...}}}}. */
    static ObjectNode values() {
        return JSON.createObjectNode();
    }

    static ObjectNode text(ObjectNode values, String field, String value) {
        values.putObject(field).putObject(field).put("type", "plain_text_input").put("value", value);
        return values;
    }

    static ObjectNode select(ObjectNode values, String field, String value) {
        values.putObject(field).putObject(field).put("type", "static_select").putObject("selected_option").put("value", value);
        return values;
    }

    static ObjectNode date(ObjectNode values, String field, String day) {
        values.putObject(field).putObject(field).put("type", "datepicker").put("selected_date", day);
        return values;
    }

    static ObjectNode conversation(ObjectNode values, String field, String channel) {
        values.putObject(field).putObject(field).put("type", "conversations_select").put("selected_conversation", channel);
        return values;
    }

    static ObjectNode users(ObjectNode values, String field, List<String> users) {
        var array = values.putObject(field).putObject(field).put("type", "multi_users_select").putArray("selected_users");
        users.forEach(array::add);
        return values;
    }

    static String text(JsonNode blocks) {
        return blocks.toString();
    }

    private static void accepted(int status) {
        assertThat(status).isEqualTo(200);
    }

    private static ConditionFactory eventually(String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5));
    }
}
