package dk.vum.barometer.core.report;

import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps report messages within what every platform accepts: Slack allows 50 blocks per message,
 * 3,000 characters per text and 150 per header; a Teams card must stay under about 28 KB.
 * Long lists are split into several blocks and long reports into several messages.
 */
final class MessageLimits {

    static final int MAX_BLOCKS = 45;
    static final int MAX_TEXT = 2_900;
    static final int MAX_HEADING = 150;
    static final int MAX_MESSAGE_TEXT = 12_000;

    private static final String ELLIPSIS = "…";
    private static final String BULLET = "• ";

    private MessageLimits() {
    }

    static Block.Heading heading(String text) {
        return new Block.Heading(text.length() <= MAX_HEADING ? text : text.substring(0, MAX_HEADING - 1) + ELLIPSIS);
    }

    /**
     * The items as one or more bullet lists, each within {@link #MAX_TEXT} when rendered; an item
     * too long for one block is cut at a space into parts marked with an ellipsis.
     */
    static List<Block> bulletLists(List<String> items) {
        List<Block> lists = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int length = 0;
        for (String item : items) {
            for (String part : parts(item, MAX_TEXT - BULLET.length())) {
                int added = BULLET.length() + part.length() + (chunk.isEmpty() ? 0 : 1);
                if (length + added > MAX_TEXT) {
                    lists.add(new Block.BulletList(chunk));
                    chunk = new ArrayList<>();
                    added = BULLET.length() + part.length();
                    length = 0;
                }
                chunk.add(part);
                length += added;
            }
        }
        if (!chunk.isEmpty()) lists.add(new Block.BulletList(chunk));
        return lists;
    }

    /**
     * Packs sections (blocks that belong together) into messages: a section starts a new message
     * rather than be split, unless it is too big for any message.
     */
    static List<Message> pack(List<List<Block>> sections) {
        List<Message> messages = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        for (List<Block> section : sections) {
            if (!fits(current, section)) {
                flush(current, messages);
            }
            for (Block block : section) {
                if (!fits(current, List.of(block))) flush(current, messages);
                current.add(block);
            }
        }
        flush(current, messages);
        return messages;
    }

    private static boolean fits(List<Block> message, List<Block> more) {
        return message.size() + more.size() <= MAX_BLOCKS && textLength(message) + textLength(more) <= MAX_MESSAGE_TEXT;
    }

    private static int textLength(List<Block> blocks) {
        return blocks.stream().mapToInt(b -> b.plainText().length()).sum();
    }

    private static void flush(List<Block> blocks, List<Message> messages) {
        if (blocks.isEmpty()) return;
        messages.add(new Message(blocks, null));
        blocks.clear();
    }

    private static List<String> parts(String text, int max) {
        if (text.length() <= max) return List.of(text);
        List<String> parts = new ArrayList<>();
        int room = max - 2 * ELLIPSIS.length();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + room);
            if (end < text.length()) {
                int space = text.lastIndexOf(' ', end);
                if (space > start + room / 2) end = space;
            }
            parts.add((start > 0 ? ELLIPSIS : "") + text.substring(start, end).strip() + (end < text.length() ? ELLIPSIS : ""));
            start = end;
        }
        return parts;
    }
}
