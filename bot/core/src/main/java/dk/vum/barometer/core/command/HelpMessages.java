package dk.vum.barometer.core.command;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;

import java.util.ArrayList;
import java.util.List;

import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * Help: the commands the caller may use, in the caller's language first with the other in brackets; the
 * example for coordinators only, and "opsæt" only while the organisation has no coordinator.
 */
public final class HelpMessages {

    private HelpMessages() {
    }

    public static Message help(Caller c, boolean canSetUp) {
        Language lang = c.language();
        List<String> lines = new ArrayList<>();
        for (CommandWord w : CommandWord.values()) {
            if (c.may(w.audience()) && (w != CommandWord.SETUP || canSetUp)) {
                lines.add(t(lang, "help.line", w.danish(), w.english(), t(lang, "help." + w.name())));
            }
        }
        return Message.of(new Block.Heading(t(lang, "help.title")), new Block.BulletList(lines),
                new Block.Context(t(lang, c.isCoordinator() ? "help.footer" : "help.footer.respondent")));
    }

    /** For text that is no command. The text is not repeated: what people type is never kept. */
    public static Message unknown(Caller c, boolean canSetUp) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(t(c.language(), "help.unknown")));
        blocks.addAll(help(c, canSetUp).blocks());
        return new Message(blocks, null);
    }
}
