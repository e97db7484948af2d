package dk.vum.barometer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.i18n.Texts;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;
import dk.vum.barometer.teams.card.CardData;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays one respondent as a person in Teams would: waits for the invitation card in the personal chat,
 * presses Start, answers every question with one of the card's buttons (ved ikke included), comments when
 * the respondent does, and submits from the review. The clicks go to the instances in turn, as a load
 * balancer may send them; each reply (the card updated in place) is checked to be the step that should
 * follow, so only what the bot really acknowledged is counted.
 */
final class TeamsPlayer implements Player {

    private static final Duration INVITATION_WAIT = Duration.ofSeconds(60);
    private static final String THANKS = Texts.t(Language.DA, "thanks.title");
    private static final Pattern PROGRESS = Pattern.compile("Spørgsmål (\\d+) af");

    private final TeamsChat chat;
    private final List<URI> instances;
    private final PhaseStats stats;

    TeamsPlayer(TeamsChat chat, List<URI> instances, PhaseStats stats) {
        this.chat = chat;
        this.instances = instances;
        this.stats = stats;
    }

    @Override
    public void play(Respondent r) {
        Random random = new Random(r.index());
        Clicks clicks = new Clicks(r);
        BotConnectorStub.Call invitation = invitation(r);
        BotConnectorStub.Call shown = clicks.press(stats.otherLatency, invitation, QuestionnaireActions.START);
        if (r.comments()) shown = comment(r, clicks, shown);
        int answered = 0;
        Optional<Integer> question = question(shown);
        while (question.isPresent()) {
            List<JsonNode> choices = actions(shown.card(), QuestionnaireActions.ANSWER);
            if (choices.isEmpty()) throw new BenchFailure(r.userId() + ": question " + question.get() + " without answers: " + text(shown));
            BotConnectorStub.Call next = clicks.press(stats.answerLatency, shown, choices.get(random.nextInt(choices.size())).path("data"));
            Optional<Integer> following = question(next);
            boolean moved = following.isPresent() ? following.get() > question.get()
                    : !actions(next.card(), QuestionnaireActions.SUBMIT).isEmpty();
            if (!moved) throw new BenchFailure(r.userId() + ": answer to question " + question.get() + " not acknowledged: " + text(next));
            stats.answers.incrementAndGet();
            answered++;
            shown = next;
            question = following;
        }
        BotConnectorStub.Call thanks = clicks.press(stats.submitLatency, shown, QuestionnaireActions.SUBMIT);
        if (!text(thanks).contains(THANKS)) throw new BenchFailure(r.userId() + ": submission not acknowledged: " + text(thanks));
        stats.submissions.incrementAndGet();
        stats.submittedAnswers.addAndGet(answered);
    }

    /** The invitation card, sent by whichever instance's outbox claimed it (the help after installing came before). */
    private BotConnectorStub.Call invitation(Respondent r) {
        long until = System.nanoTime() + INVITATION_WAIT.toNanos();
        while (true) {
            BotConnectorStub.Call call = chat.connector().next(TeamsChat.conversation(TeamsChat.teamsId(r.userId())),
                    Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            if (!actions(call.card(), QuestionnaireActions.START).isEmpty()) return call;
        }
    }

    private BotConnectorStub.Call comment(Respondent r, Clicks clicks, BotConnectorStub.Call shown) {
        BotConnectorStub.Call form = clicks.press(stats.otherLatency, shown, QuestionnaireActions.COMMENT);
        JsonNode submit = form.card().findValues("actions").stream().flatMap(list -> {
            List<JsonNode> all = new ArrayList<>();
            list.forEach(all::add);
            return all.stream();
        }).filter(a -> a.path("data").path(CardData.KIND).asText().equals(CardData.FORM)).findFirst()
                .orElseThrow(() -> new BenchFailure(r.userId() + ": no comment form in " + text(form)));
        ObjectNode data = submit.path("data").deepCopy();
        data.put(CardData.INPUT_PREFIX + QuestionnaireActions.FIELD_COMMENT, "Kommentar fra benchmark <b>" + r.userId() + "</b>");
        BotConnectorStub.Call after = clicks.press(stats.otherLatency, form, data);
        if (question(after).isEmpty()) throw new BenchFailure(r.userId() + ": comment not acknowledged: " + text(after));
        stats.comments.incrementAndGet();
        return after;
    }

    /** One person's clicks, each on the card last shown, sent to the instances in turn. */
    private final class Clicks {
        private final Respondent r;
        private int sent;

        Clicks(Respondent r) {
            this.r = r;
            this.sent = r.index();
        }

        BotConnectorStub.Call press(Latencies latencies, BotConnectorStub.Call on, String action) {
            List<JsonNode> found = actions(on.card(), action);
            if (found.isEmpty()) throw new BenchFailure(r.userId() + ": no " + action + " button in " + text(on));
            return press(latencies, on, found.get(0).path("data"));
        }

        /** Submits the card with this data, as Teams does for an Action.Submit (with a form's inputs). */
        BotConnectorStub.Call press(Latencies latencies, BotConnectorStub.Call on, JsonNode data) {
            URI instance = instances.get(sent++ % instances.size());
            TeamsChat.Reply reply = chat.ask(instance, r.userId(), chat.submit(r.userId(), r.displayName(), on.activityId(), data));
            latencies.add(reply.nanos());
            return reply.call();
        }
    }

    private static Optional<Integer> question(BotConnectorStub.Call call) {
        Matcher progress = PROGRESS.matcher(text(call));
        return progress.find() ? Optional.of(Integer.parseInt(progress.group(1))) : Optional.empty();
    }

    /** The card's Action.Submit buttons that carry this action. */
    private static List<JsonNode> actions(JsonNode card, String action) {
        List<JsonNode> found = new ArrayList<>();
        card.findValues("actions").forEach(list -> list.forEach(a -> {
            if (a.path("type").asText().equals("Action.Submit") && a.path("data").path(CardData.ACTION).asText().equals(action)) found.add(a);
        }));
        return found;
    }

    private static String text(BotConnectorStub.Call call) {
        return TeamsChat.text(call.card());
    }
}
