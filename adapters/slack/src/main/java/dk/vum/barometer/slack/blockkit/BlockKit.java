package dk.vum.barometer.slack.blockkit;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Renders the core's neutral messages as Block Kit, within Slack's limits: at most 50 blocks a message
 * (longer messages are split into several), 3,000 characters a text, 150 a header, 75 a button label,
 * 2,000 a button value, 25 buttons an actions block, 10 fields a section. Every text is escaped for
 * mrkdwn and marked verbatim, so nothing a user wrote becomes a mention or a link.
 */
public final class BlockKit {

    public static final int MAX_BLOCKS = 50;
    public static final int MAX_VIEW_BLOCKS = 100;
    public static final int MAX_TEXT = 3000;
    public static final int MAX_HEADER = 150;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_BUTTON_VALUE = 2000;
    public static final int MAX_ACTIONS = 25;
    public static final int MAX_FIELDS = 10;
    public static final int MAX_FIELD_TEXT = 2000;
    private static final int BAR_WIDTH = 10;

    private BlockKit() {
    }

    /** The message as one or more Slack messages of at most 50 blocks each. */
    public static List<List<LayoutBlock>> messages(Message message) {
        List<LayoutBlock> all = blocks(message);
        List<List<LayoutBlock>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MAX_BLOCKS) chunks.add(all.subList(i, Math.min(all.size(), i + MAX_BLOCKS)));
        if (chunks.isEmpty()) chunks.add(List.of());
        return chunks;
    }

    /** The notification and fallback text Slack shows where blocks are not shown. */
    public static String fallbackText(Message message) {
        String text = Mrkdwn.escape(message.plainText());
        return text.isBlank() ? " " : Mrkdwn.truncate(text, MAX_TEXT);
    }

    /** All blocks of the message, unbounded in number; callers cut them to their surface's limit. */
    public static List<LayoutBlock> blocks(Message message) {
        List<LayoutBlock> out = new ArrayList<>();
        for (Block block : message.blocks()) render(block, out);
        return out;
    }

    private static void render(Block block, List<LayoutBlock> out) {
        if (block instanceof Block.Heading h) {
            out.add(HeaderBlock.builder().text(plain(h.text(), MAX_HEADER)).build());
        } else if (block instanceof Block.Paragraph p) {
            sections(Mrkdwn.escape(p.text()), out);
        } else if (block instanceof Block.Context c) {
            for (String part : split(Mrkdwn.escape(c.text()))) {
                out.add(ContextBlock.builder().elements(List.of(mrkdwn(part))).build());
            }
        } else if (block instanceof Block.BulletList l) {
            List<String> lines = l.items().stream().map(i -> "• " + Mrkdwn.escape(i)).toList();
            sections(String.join("\n", lines), out);
        } else if (block instanceof Block.Fields f) {
            fields(f, out);
        } else if (block instanceof Block.Question q) {
            question(q, out);
        } else if (block instanceof Block.Actions a) {
            actions(a.buttons(), b -> false, out);
        } else if (block instanceof Block.Form f) {
            out.add(SectionBlock.builder().text(mrkdwn("*" + Mrkdwn.escape(f.title()) + "*"))
                    .accessory(ButtonElement.builder().actionId(ActionIds.OPEN_FORM).value(FormStash.ref(f))
                            .text(plain(f.title(), MAX_BUTTON_TEXT)).style("primary").build())
                    .build());
        } else if (block instanceof Block.Bars b) {
            bars(b, out);
        }
        // Images and files are uploaded into the conversation after the message (FileUploads): no block here.
    }

    private static void question(Block.Question q, List<LayoutBlock> out) {
        String head = q.theme() == null || q.theme().isBlank() ? "" : "*" + Mrkdwn.escape(q.theme()) + "*\n";
        sections(head + Mrkdwn.escape(q.statement()), out);
        actions(q.choices(), q::isSelected, out);
        if (q.progressText() != null && !q.progressText().isBlank()) {
            out.add(ContextBlock.builder().elements(List.of(mrkdwn(Mrkdwn.truncate(Mrkdwn.escape(q.progressText()), MAX_TEXT)))).build());
        }
    }

    /** Buttons in rows of at most 25; the chosen answer, if any, is marked as the primary button. */
    private static void actions(List<Block.Button> buttons, Predicate<Block.Button> selected, List<LayoutBlock> out) {
        List<BlockElement> row = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            Block.Button b = buttons.get(i);
            boolean chosen = selected.test(b);
            row.add(ButtonElement.builder()
                    .actionId(ActionIds.encode(b.action(), i))
                    .value(b.value() == null ? null : Mrkdwn.truncate(b.value(), MAX_BUTTON_VALUE))
                    .text(plain(chosen ? "✓ " + b.label() : b.label(), MAX_BUTTON_TEXT))
                    .style(chosen ? "primary" : style(b.style()))
                    .build());
            if (row.size() == MAX_ACTIONS) {
                out.add(ActionsBlock.builder().elements(row).build());
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) out.add(ActionsBlock.builder().elements(row).build());
    }

    private static String style(Block.ButtonStyle style) {
        return switch (style == null ? Block.ButtonStyle.DEFAULT : style) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
    }

    private static void fields(Block.Fields f, List<LayoutBlock> out) {
        List<TextObject> group = new ArrayList<>();
        for (Block.Field field : f.fields()) {
            String text = "*" + Mrkdwn.escape(field.label()) + "*\n" + Mrkdwn.escape(field.value());
            group.add(mrkdwn(Mrkdwn.truncate(text, MAX_FIELD_TEXT)));
            if (group.size() == MAX_FIELDS) {
                out.add(SectionBlock.builder().fields(group).build());
                group = new ArrayList<>();
            }
        }
        if (!group.isEmpty()) out.add(SectionBlock.builder().fields(group).build());
    }

    /** Bars drawn with block characters in a code span, one line each, with the number as text. */
    private static void bars(Block.Bars b, List<LayoutBlock> out) {
        StringBuilder sb = new StringBuilder("*").append(Mrkdwn.escape(b.title())).append('*');
        for (Block.Bar bar : b.bars()) {
            int filled = bar.max() <= 0 ? 0 : (int) Math.round(Math.max(0, Math.min(1, bar.value() / bar.max())) * BAR_WIDTH);
            sb.append("\n`").append("█".repeat(filled)).append("░".repeat(BAR_WIDTH - filled)).append("` ")
                    .append(Mrkdwn.escape(bar.valueText())).append("  ").append(Mrkdwn.escape(bar.label()));
        }
        sections(sb.toString(), out);
    }

    private static void sections(String escaped, List<LayoutBlock> out) {
        for (String part : split(escaped)) out.add(SectionBlock.builder().text(mrkdwn(part)).build());
    }

    /** Splits escaped text into parts of at most 3,000 characters, at line ends where it can. */
    static List<String> split(String escaped) {
        List<String> parts = new ArrayList<>();
        String rest = escaped.isEmpty() ? " " : escaped;
        while (rest.length() > MAX_TEXT) {
            int cut = rest.lastIndexOf('\n', MAX_TEXT);
            if (cut <= 0) cut = Mrkdwn.safeEnd(rest, MAX_TEXT);
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest.isEmpty() ? " " : rest);
        return parts;
    }

    static MarkdownTextObject mrkdwn(String escaped) {
        return MarkdownTextObject.builder().text(escaped).verbatim(true).build();
    }

    /** Plain text (Slack does not parse it for mentions), cut to the element's limit. */
    static PlainTextObject plain(String text, int max) {
        String t = text == null || text.isBlank() ? " " : text;
        return PlainTextObject.builder().text(Mrkdwn.truncate(t, max)).emoji(true).build();
    }
}
