package dk.vum.barometer.bench;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.i18n.Texts;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Plays one respondent as a person at the page would: reads the invitation in the direct conversation,
 * presses Start, answers every question with one of its buttons (ved ikke included), comments when the
 * respondent does, and submits from the review. Each reply is checked to be the step that should follow,
 * so only what the bot really acknowledged is counted.
 */
final class RespondentPlayer implements Player {

    private static final Duration INVITATION_WAIT = Duration.ofSeconds(30);
    private static final String THANKS = Texts.t(Language.DA, "thanks.title");

    private final ChatClient client;
    private final PhaseStats stats;

    RespondentPlayer(ChatClient client, PhaseStats stats) {
        this.client = client;
        this.stats = stats;
    }

    @Override
    public void play(Respondent r) {
        Random random = new Random(r.index());
        String user = r.userId();
        Block.Button start = invitation(user);
        List<Message> shown = timed(stats.otherLatency, client.press(user, start));
        if (r.comments()) shown = comment(user, shown);
        int answered = 0;
        Optional<Block.Question> question = question(shown);
        while (question.isPresent()) {
            Block.Question q = question.get();
            Block.Button choice = q.choices().get(random.nextInt(q.choices().size()));
            List<Message> next = timed(stats.answerLatency, client.press(user, choice));
            question = question(next);
            boolean moved = question.isPresent() ? question.get().number() > q.number()
                    : button(next, QuestionnaireActions.SUBMIT).isPresent();
            if (!moved) throw new BenchFailure(user + ": answer to question " + q.number() + " not acknowledged: " + describe(next));
            stats.answers.incrementAndGet();
            answered++;
            shown = next;
        }
        List<Message> review = shown;
        Block.Button submit = button(review, QuestionnaireActions.SUBMIT)
                .orElseThrow(() -> new BenchFailure(user + ": no submit button in " + describe(review)));
        List<Message> thanks = timed(stats.submitLatency, client.press(user, submit));
        if (!heading(thanks).equals(THANKS)) throw new BenchFailure(user + ": submission not acknowledged: " + describe(thanks));
        stats.submissions.incrementAndGet();
        stats.submittedAnswers.addAndGet(answered);
    }

    /** The invitation's start button; the outbox may still be delivering it, so it is polled for, as the page does. */
    private Block.Button invitation(String user) {
        long until = System.nanoTime() + INVITATION_WAIT.toNanos();
        while (true) {
            long started = System.nanoTime();
            List<Message> inbox = client.inbox(user);
            stats.otherLatency.add(System.nanoTime() - started);
            Optional<Block.Button> start = button(inbox, QuestionnaireActions.START);
            if (start.isPresent()) return start.get();
            if (System.nanoTime() > until) throw new BenchFailure(user + ": no invitation after " + INVITATION_WAIT);
            sleep();
        }
    }

    private List<Message> comment(String user, List<Message> shown) {
        Block.Button comment = button(shown, QuestionnaireActions.COMMENT)
                .orElseThrow(() -> new BenchFailure(user + ": no comment button in " + describe(shown)));
        List<Message> formShown = timed(stats.otherLatency, client.press(user, comment));
        Block.Form form = blocks(formShown, Block.Form.class).findFirst()
                .orElseThrow(() -> new BenchFailure(user + ": no comment form in " + describe(formShown)));
        List<Message> after = timed(stats.otherLatency, client.submit(user, form,
                Map.of(QuestionnaireActions.FIELD_COMMENT, "Kommentar fra benchmark <b>" + user + "</b>")));
        if (question(after).isEmpty()) throw new BenchFailure(user + ": comment not acknowledged: " + describe(after));
        stats.comments.incrementAndGet();
        return after;
    }

    private static List<Message> timed(Latencies latencies, ChatClient.Timed reply) {
        latencies.add(reply.nanos());
        return reply.replies();
    }

    private static Optional<Block.Question> question(List<Message> messages) {
        return blocks(messages, Block.Question.class).findFirst();
    }

    private static Optional<Block.Button> button(List<Message> messages, String action) {
        return blocks(messages, Block.Actions.class).flatMap(a -> a.buttons().stream())
                .filter(b -> b.action().equals(action)).findFirst();
    }

    private static String heading(List<Message> messages) {
        return blocks(messages, Block.Heading.class).map(Block.Heading::text).findFirst().orElse("");
    }

    private static <T extends Block> java.util.stream.Stream<T> blocks(List<Message> messages, Class<T> type) {
        return messages.stream().flatMap(m -> m.blocks().stream()).filter(type::isInstance).map(type::cast);
    }

    private static String describe(List<Message> messages) {
        return messages.stream().map(m -> m.blocks().stream().map(Block::plainText).toList().toString()).toList().toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }
}
