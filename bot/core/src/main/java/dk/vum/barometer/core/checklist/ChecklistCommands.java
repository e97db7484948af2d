package dk.vum.barometer.core.checklist;

import dk.vum.barometer.content.ChecklistArea;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Text;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.questionnaire.ContentRepository;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.OutboxStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * Posts the implementation checklist's check questions with their reflection questions as prompts:
 * "tjekliste" lists the areas, "tjekliste 3 #team" posts area 3 to a channel, "tjekliste alle #team" all.
 */
public final class ChecklistCommands {

    private final ContentRepository content;
    private final OutboxStore outbox;
    private final Clock clock;

    public ChecklistCommands(ContentRepository content, OutboxStore outbox, Clock clock) {
        this.content = content;
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<Message> handle(Caller c, CommandLine line) {
        Language lang = c.language();
        List<ChecklistArea> areas = selected(c, line);
        String channel = line.channels().stream().findFirst()
                .orElse(c.address().direct() || areas.isEmpty() ? null : c.address().conversationId());
        if (areas.isEmpty()) return List.of(overview(lang));
        if (channel == null) return areas.stream().map(a -> prompt(lang, a)).toList();
        String minute = Outbox.minute(clock);
        List<OutboxMessage> posts = new ArrayList<>();
        for (ChecklistArea a : areas) {
            posts.add(Outbox.message(c.org(), new Destination.Channel(channel), prompt(lang, a),
                    "checklist:" + a.id() + ":" + channel + ":" + minute));
        }
        outbox.enqueue(posts);
        return List.of(Message.text(t(lang, "checklist.posted", areas.size(), "#" + channel)));
    }

    private List<ChecklistArea> selected(Caller c, CommandLine line) {
        List<ChecklistArea> all = content.checklist().areas();
        boolean everything = line.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).anyMatch(w -> w.equals("alle") || w.equals("all"));
        if (everything) return all;
        List<ChecklistArea> chosen = new ArrayList<>();
        for (int n : line.numbers()) {
            chosen.add(content.checklist().area(n).orElseThrow(() -> new Refusal(t(c.language(), "checklist.unknown", n))));
        }
        return chosen;
    }

    private Message overview(Language lang) {
        List<String> lines = content.checklist().areas().stream()
                .map(a -> t(lang, a.productOwn() ? "checklist.own.line" : "checklist.line", a.number(), a.checkQuestion().in(lang)))
                .toList();
        return Message.of(new Block.Heading(t(lang, "checklist.title")), new Block.BulletList(lines),
                new Block.Context(t(lang, "checklist.usage")));
    }

    /**
     * One check question with its reflection questions, for the implementation group. The barometer's own
     * area is never presented as one of Socialstyrelsen's check questions.
     */
    public static Message prompt(Language lang, ChecklistArea area) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(t(lang, area.productOwn() ? "checklist.own.title" : "checklist.prompt.title",
                area.number(), area.checkQuestion().in(lang))));
        blocks.add(new Block.Paragraph(t(lang, "checklist.reflection")));
        blocks.add(new Block.BulletList(texts(lang, area.reflectionQuestions())));
        if (!area.guideChecklist().isEmpty()) {
            blocks.add(new Block.Paragraph(t(lang, "checklist.guide")));
            blocks.add(new Block.BulletList(texts(lang, area.guideChecklist())));
        }
        blocks.add(new Block.Context(t(lang, area.productOwn() ? "checklist.own.source" : "checklist.source")));
        return new Message(blocks, null);
    }

    private static List<String> texts(Language lang, List<Text> texts) {
        return texts.stream().map(x -> x.in(lang)).toList();
    }
}
