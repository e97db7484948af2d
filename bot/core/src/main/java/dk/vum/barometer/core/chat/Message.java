package dk.vum.barometer.core.chat;

import java.util.List;

/**
 * A neutral message: a list of blocks each adapter renders in its own way (Block Kit, Adaptive
 * Cards, the web chat). All text is plain: renderers escape it for their markup, so text written
 * by users can never turn into a mention or a link.
 *
 * @param replaceKey when set, a later message with the same key in the same conversation replaces
 *                   this one in place (a questionnaire advances in one message instead of many)
 * @param repost     with a replace key: show this one as a new message at the end of the conversation, where
 *                   the person is looking, instead of in place of the earlier one (which stays as it last was);
 *                   later messages with the key replace this one. For answers typed below a question.
 */
public record Message(List<Block> blocks, String replaceKey, boolean repost) {

    public Message {
        blocks = List.copyOf(blocks);
    }

    public Message(List<Block> blocks, String replaceKey) {
        this(blocks, replaceKey, false);
    }

    public static Message of(Block... blocks) {
        return new Message(List.of(blocks), null);
    }

    public static Message text(String text) {
        return of(new Block.Paragraph(text));
    }

    public Message withReplaceKey(String key) {
        return new Message(blocks, key, repost);
    }

    /** This message, shown anew at the end of the conversation rather than in place (see {@link #repost}). */
    public Message reposted() {
        return new Message(blocks, replaceKey, true);
    }

    /** A plain-text rendering for notifications, logs in tests and platforms' fallback text. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            String t = b.plainText();
            if (!t.isEmpty()) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(t);
            }
        }
        return sb.toString();
    }
}
