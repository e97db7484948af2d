package dk.vum.barometer.teams.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.i18n.Texts;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders a neutral {@link Message} as an Adaptive Card 1.5 (the version Teams supports): text as escaped
 * TextBlocks, a question as its statement with the scale as buttons and the progress, buttons as
 * Action.Submit (Action.Execute in channels) whose data carries the button's action and value, forms as
 * inputs with a submit button, bars as label and value with a drawn bar, charts as images by their hosted
 * URL (never inline data, which would blow the size limit) and files as buttons that open their link. Every
 * card has a plain-text {@code fallbackText}. A card stays within the size it is given: people named by typed
 * @mentions when the picker does not fit, then what does not fit left out from the end, with a note,
 * keeping the buttons.
 */
public final class AdaptiveCardRenderer {

    /** Teams refuses messages over about 28 KB; this is what a card alone may take when nothing else is known. */
    public static final int MAX_CARD_BYTES = 26_000;
    private static final int BAR_WIDTH = 10;
    static final int MAX_ACTIONS = 5;
    private static final int MAX_FALLBACK = 300;
    private static final String CUT_MARKER = "cut";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pickers pickers;
    private final boolean universal;

    private AdaptiveCardRenderer(Pickers pickers, boolean universal) {
        this.pickers = pickers;
        this.universal = universal;
    }

    public static ObjectNode render(Message message, Pickers pickers) {
        return render(message, pickers, MAX_CARD_BYTES, false);
    }

    /**
     * The card in at most {@code maxBytes} (UTF-8 JSON): when the people picker does not fit, people are
     * named by typed @mentions instead; when the card is still too large, text is left out from the end, with
     * a note, keeping the inputs and buttons.
     */
    public static ObjectNode render(Message message, Pickers pickers, int maxBytes) {
        return render(message, pickers, maxBytes, false);
    }

    /**
     * @param universal buttons as Universal Actions ({@code Action.Execute}): a card in a channel is shared by
     *                  everyone, and each member's press comes back as an {@code adaptiveCard/action} invoke
     *                  that is answered with a card for that member alone
     */
    public static ObjectNode render(Message message, Pickers pickers, int maxBytes, boolean universal) {
        ObjectNode card = new AdaptiveCardRenderer(pickers, universal).render(message);
        if (bytes(card) > maxBytes && !pickers.people().isEmpty()) {
            card = new AdaptiveCardRenderer(pickers.typedPeople(), universal).render(message);
        }
        ArrayNode body = (ArrayNode) card.get("body");
        // The card holds the body itself, so dropping from the body shrinks the card.
        while (bytes(card) > maxBytes && dropLastText(body)) {
            // keep dropping
        }
        return card;
    }

    private ObjectNode render(Message message) {
        ArrayNode body = NODES.arrayNode();
        for (Block block : message.blocks()) append(body, block);
        ObjectNode card = card(body);
        // What a client that cannot show the card, and a notification, shows instead.
        String plain = message.plainText();
        card.put("fallbackText", plain.length() > MAX_FALLBACK ? plain.substring(0, MAX_FALLBACK - 1) + "…" : plain);
        return card;
    }

    private static ObjectNode card(ArrayNode body) {
        ObjectNode card = NODES.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.5");
        card.set("body", body);
        card.putObject("msteams").put("width", "Full");
        return card;
    }

    private void append(ArrayNode body, Block block) {
        if (block instanceof Block.Heading h) {
            body.add(text(h.text()).put("weight", "Bolder").put("size", "Medium"));
        } else if (block instanceof Block.Paragraph p) {
            body.add(text(p.text()));
        } else if (block instanceof Block.FieldError e) {
            body.add(text(e.text()));
        } else if (block instanceof Block.Context c) {
            body.add(small(c.text()));
        } else if (block instanceof Block.BulletList l) {
            l.items().forEach(i -> body.add(text("• " + i).put("spacing", "Small")));
        } else if (block instanceof Block.Fields f) {
            body.add(facts(f.fields().stream().map(x -> new String[]{x.label(), x.value()}).toList()));
        } else if (block instanceof Block.Question q) {
            question(body, q);
        } else if (block instanceof Block.Actions a) {
            addActions(body, a.buttons().stream().map(this::submit).toList());
        } else if (block instanceof Block.Form f) {
            form(body, f);
        } else if (block instanceof Block.Bars b) {
            bars(body, b);
        } else if (block instanceof Block.Image i) {
            image(body, i);
        } else if (block instanceof Block.File f) {
            file(body, f);
        }
    }

    /**
     * Teams fetches a picture from its URL, so only an absolute one can be shown (PUBLIC_URL set); without
     * it the alt text says the same in words.
     */
    private void image(ArrayNode body, Block.Image image) {
        if (!absolute(image.url())) {
            body.add(small(image.alt()));
            return;
        }
        body.addObject().put("type", "Image").put("url", image.url()).put("altText", image.alt()).put("size", "Stretch");
    }

    private void file(ArrayNode body, Block.File file) {
        if (!absolute(file.url())) {
            body.add(small(file.name()));
            return;
        }
        ObjectNode open = NODES.objectNode();
        open.put("type", "Action.OpenUrl");
        open.put("title", file.name());
        open.put("url", file.url());
        addActions(body, List.of(open));
    }

    private static boolean absolute(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private void question(ArrayNode body, Block.Question q) {
        if (q.theme() != null && !q.theme().isBlank()) body.add(small(q.theme()));
        body.add(text(q.statement()).put("weight", "Bolder").put("size", "Medium"));
        addActions(body, q.choices().stream().map(c -> {
            Block.Button chosen = q.isSelected(c)
                    ? new Block.Button("✓ " + c.label(), c.action(), c.value(), Block.ButtonStyle.PRIMARY) : c;
            return submit(chosen);
        }).toList());
        body.add(small(q.progressText()));
    }

    private void form(ArrayNode body, Block.Form f) {
        body.add(text(f.title()).put("weight", "Bolder"));
        for (Block.FormField field : f.fields()) body.add(input(field));
        ObjectNode submit = action(CardData.FORM);
        submit.put("title", f.submitLabel());
        submit.put("style", "positive");
        ObjectNode data = submit.putObject("data");
        data.put(CardData.KIND, CardData.FORM);
        data.put(CardData.FORM_ID, f.formId());
        ObjectNode hidden = data.putObject(CardData.HIDDEN);
        f.hidden().forEach(hidden::put);
        addActions(body, List.of(submit));
    }

    private ObjectNode input(Block.FormField field) {
        ObjectNode input = NODES.objectNode();
        input.put("id", CardData.INPUT_PREFIX + field.name());
        input.put("label", field.label());
        input.put("isRequired", field.required());
        if (field.required()) input.put("errorMessage", field.label());
        switch (field.type()) {
            case TEXT, MULTILINE -> {
                input.put("type", "Input.Text");
                input.put("isMultiline", field.type() == Block.FieldType.MULTILINE);
                input.put("maxLength", field.type() == Block.FieldType.MULTILINE ? 2000 : 200);
            }
            case DATE -> input.put("type", "Input.Date");
            // A choice set needs a choice (Teams shows nothing otherwise): with none, the value is typed.
            case SELECT -> {
                if (field.options() == null || field.options().isEmpty()) input.put("type", "Input.Text");
                else choices(input, field.options().stream().map(o -> new Pickers.Choice(o.value(), o.label())).toList(), false);
            }
            case USERS -> {
                if (pickers.peopleTyped()) return typedPeopleNote();
                if (pickers.people().isEmpty()) input.put("type", "Input.Text");
                else choices(input, pickers.people(), true);
            }
            case CHANNEL -> {
                if (pickers.channels().isEmpty()) input.put("type", "Input.Text");
                else choices(input, pickers.channels(), false);
            }
        }
        if (field.initialValue() != null) input.put("value", field.initialValue());
        if (field.hint() != null && input.path("type").asText().equals("Input.Text")) input.put("placeholder", field.hint());
        return input;
    }

    private static void choices(ObjectNode input, List<Pickers.Choice> choices, boolean multi) {
        input.put("type", "Input.ChoiceSet");
        input.put("style", multi ? "expanded" : "compact");
        input.put("isMultiSelect", multi);
        ArrayNode list = input.putArray("choices");
        for (Pickers.Choice c : choices) list.addObject().put("title", c.name()).put("value", c.id());
    }

    /**
     * Each bar as its label and value in words (what a screen reader reads) over a drawn bar: two coloured
     * columns in proportion, with no text of their own, so no glyphs are read out as names.
     */
    private void bars(ArrayNode body, Block.Bars b) {
        body.add(text(b.title()).put("weight", "Bolder"));
        for (Block.Bar bar : b.bars()) {
            ObjectNode container = NODES.objectNode().put("type", "Container").put("spacing", "Small");
            ArrayNode items = container.putArray("items");
            items.add(facts(List.<String[]>of(new String[]{bar.label(), bar.valueText()})));
            items.add(drawn(bar));
            body.add(container);
        }
    }

    /** Tenths of the bar that are filled, in proportion to the value. */
    static int filled(Block.Bar bar) {
        return bar.max() <= 0 ? 0 : (int) Math.round(BAR_WIDTH * Math.max(0, Math.min(bar.value(), bar.max())) / bar.max());
    }

    private static ObjectNode drawn(Block.Bar bar) {
        int filled = filled(bar);
        ObjectNode set = NODES.objectNode().put("type", "ColumnSet").put("spacing", "None");
        ArrayNode columns = set.putArray("columns");
        if (filled > 0) columns.add(barColumn(filled, "accent"));
        if (filled < BAR_WIDTH) columns.add(barColumn(BAR_WIDTH - filled, "emphasis"));
        return set;
    }

    private static ObjectNode barColumn(int weight, String style) {
        ObjectNode column = NODES.objectNode().put("type", "Column").put("width", String.valueOf(weight))
                .put("style", style).put("minHeight", "8px");
        column.putArray("items");
        return column;
    }

    /** In place of a people picker too large for Teams: how to name people by typed @mentions. */
    private ObjectNode typedPeopleNote() {
        return text(Texts.t(Language.DA, "teams.people.typed"));
    }

    private ObjectNode facts(List<String[]> pairs) {
        ObjectNode set = NODES.objectNode();
        set.put("type", "FactSet");
        ArrayNode facts = set.putArray("facts");
        for (String[] p : pairs) facts.addObject().put("title", shown(p[0])).put("value", shown(p[1]));
        return set;
    }

    /**
     * Buttons in rows of at most {@link #MAX_ACTIONS}: Adaptive Card hosts show no more in one set (the
     * scale's five answers in one row, "Ved ikke" and the like in the next).
     */
    private static void addActions(ArrayNode body, List<ObjectNode> actions) {
        for (int from = 0; from < actions.size(); from += MAX_ACTIONS) {
            ObjectNode set = NODES.objectNode();
            set.put("type", "ActionSet");
            ArrayNode list = set.putArray("actions");
            actions.subList(from, Math.min(from + MAX_ACTIONS, actions.size())).forEach(list::add);
            body.add(set);
        }
    }

    /** Action.Submit, or as a Universal Action Action.Execute whose verb says what it is. */
    private ObjectNode action(String verb) {
        ObjectNode action = NODES.objectNode();
        action.put("type", universal ? "Action.Execute" : "Action.Submit");
        if (universal) action.put("verb", verb);
        return action;
    }

    private ObjectNode submit(Block.Button b) {
        ObjectNode action = action(b.action());
        action.put("title", b.label());
        switch (b.style()) {
            case PRIMARY -> action.put("style", "positive");
            case DANGER -> action.put("style", "destructive");
            default -> { }
        }
        ObjectNode data = action.putObject("data");
        data.put(CardData.KIND, CardData.BUTTON);
        data.put(CardData.ACTION, b.action());
        if (b.value() != null) data.put(CardData.VALUE, b.value());
        return action;
    }

    private ObjectNode text(String text) {
        ObjectNode block = NODES.objectNode();
        block.put("type", "TextBlock");
        block.put("text", shown(text));
        block.put("wrap", true);
        return block;
    }

    /** Escaped for Teams' Markdown, with the names of the channels the bot knows for their ids. */
    private String shown(String text) {
        String named = text;
        for (Pickers.Choice channel : pickers.channels()) {
            if (named.contains(channel.id())) named = named.replace("#" + channel.id(), "#" + channel.name());
        }
        return TeamsMarkdown.escape(named);
    }

    private ObjectNode small(String text) {
        return text(text).put("isSubtle", true).put("size", "Small");
    }

    /** Removes the last text element (keeping inputs and buttons) and marks the cut; false if none is left. */
    private static boolean dropLastText(ArrayNode body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            String type = body.get(i).path("type").asText();
            boolean marker = body.get(i).path("id").asText().equals(CUT_MARKER);
            if (!marker && (type.equals("TextBlock") || type.equals("FactSet") || type.equals("Container"))) {
                body.remove(i);
                if (!body.path(body.size() - 1).path("id").asText().equals(CUT_MARKER)) {
                    body.add(cutNote());
                }
                return true;
            }
        }
        return false;
    }

    private static ObjectNode cutNote() {
        ObjectNode note = NODES.objectNode();
        note.put("type", "TextBlock").put("text", "…").put("wrap", true).put("isSubtle", true).put("size", "Small");
        return note.put("id", CUT_MARKER);
    }

    static int bytes(ObjectNode card) {
        try {
            return JSON.writeValueAsString(card).getBytes(StandardCharsets.UTF_8).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
