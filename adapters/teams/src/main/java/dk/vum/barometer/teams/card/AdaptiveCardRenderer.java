package dk.vum.barometer.teams.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders a neutral {@link Message} as an Adaptive Card 1.5 (the version Teams supports): text as escaped
 * TextBlocks, a question as its statement with the scale as buttons and the progress, buttons as
 * Action.Submit whose data carries the button's action and value, forms as inputs with a submit button,
 * bars as text bars, charts as images by their hosted URL (never inline data, which would blow the size
 * limit) and files as buttons that open their link. A card stays under Teams' size limit: what does not fit
 * is left out from the end, with a note, keeping the buttons.
 */
public final class AdaptiveCardRenderer {

    /** Teams refuses messages over about 28 KB; the rest of the activity needs room too. */
    static final int MAX_CARD_BYTES = 26_000;
    private static final int BAR_WIDTH = 10;
    private static final String CUT_MARKER = "cut";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pickers pickers;

    private AdaptiveCardRenderer(Pickers pickers) {
        this.pickers = pickers;
    }

    public static ObjectNode render(Message message, Pickers pickers) {
        return new AdaptiveCardRenderer(pickers).render(message);
    }

    private ObjectNode render(Message message) {
        ArrayNode body = NODES.arrayNode();
        for (Block block : message.blocks()) append(body, block);
        ObjectNode card = card(body);
        // The card holds the body itself, so dropping from the body shrinks the card.
        while (bytes(card) > MAX_CARD_BYTES && dropLastText(body)) {
            // keep dropping
        }
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
        } else if (block instanceof Block.Context c) {
            body.add(small(c.text()));
        } else if (block instanceof Block.BulletList l) {
            l.items().forEach(i -> body.add(text("• " + i).put("spacing", "Small")));
        } else if (block instanceof Block.Fields f) {
            body.add(facts(f.fields().stream().map(x -> new String[]{x.label(), x.value()}).toList()));
        } else if (block instanceof Block.Question q) {
            question(body, q);
        } else if (block instanceof Block.Actions a) {
            body.add(actionSet(a.buttons().stream().map(AdaptiveCardRenderer::submit).toList()));
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
        body.add(actionSet(List.of(open)));
    }

    private static boolean absolute(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private void question(ArrayNode body, Block.Question q) {
        if (q.theme() != null && !q.theme().isBlank()) body.add(small(q.theme()));
        body.add(text(q.statement()).put("weight", "Bolder").put("size", "Medium"));
        body.add(actionSet(q.choices().stream().map(c -> {
            Block.Button chosen = q.isSelected(c)
                    ? new Block.Button("✓ " + c.label(), c.action(), c.value(), Block.ButtonStyle.PRIMARY) : c;
            return submit(chosen);
        }).toList()));
        body.add(small(q.progressText()));
    }

    private void form(ArrayNode body, Block.Form f) {
        body.add(text(f.title()).put("weight", "Bolder"));
        for (Block.FormField field : f.fields()) body.add(input(field));
        ObjectNode submit = NODES.objectNode();
        submit.put("type", "Action.Submit");
        submit.put("title", f.submitLabel());
        submit.put("style", "positive");
        ObjectNode data = submit.putObject("data");
        data.put(CardData.KIND, CardData.FORM);
        data.put(CardData.FORM_ID, f.formId());
        ObjectNode hidden = data.putObject(CardData.HIDDEN);
        f.hidden().forEach(hidden::put);
        body.add(actionSet(List.of(submit)));
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
            case SELECT -> choices(input, field.options().stream().map(o -> new Pickers.Choice(o.value(), o.label())).toList(), false);
            case USERS -> {
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

    private void bars(ArrayNode body, Block.Bars b) {
        body.add(text(b.title()).put("weight", "Bolder"));
        body.add(facts(b.bars().stream().map(bar -> new String[]{bar.label(), bar(bar) + "  " + bar.valueText()}).toList()));
    }

    /** A bar of ten blocks, filled in proportion: readable on every client, in any theme. */
    static String bar(Block.Bar bar) {
        int filled = bar.max() <= 0 ? 0 : (int) Math.round(BAR_WIDTH * Math.max(0, Math.min(bar.value(), bar.max())) / bar.max());
        return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
    }

    private ObjectNode facts(List<String[]> pairs) {
        ObjectNode set = NODES.objectNode();
        set.put("type", "FactSet");
        ArrayNode facts = set.putArray("facts");
        for (String[] p : pairs) facts.addObject().put("title", shown(p[0])).put("value", shown(p[1]));
        return set;
    }

    private static ObjectNode actionSet(List<ObjectNode> actions) {
        ObjectNode set = NODES.objectNode();
        set.put("type", "ActionSet");
        ArrayNode list = set.putArray("actions");
        actions.forEach(list::add);
        return set;
    }

    private static ObjectNode submit(Block.Button b) {
        ObjectNode action = NODES.objectNode();
        action.put("type", "Action.Submit");
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
    private boolean dropLastText(ArrayNode body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            String type = body.get(i).path("type").asText();
            boolean marker = body.get(i).path("id").asText().equals(CUT_MARKER);
            if (!marker && (type.equals("TextBlock") || type.equals("FactSet"))) {
                body.remove(i);
                if (!body.path(body.size() - 1).path("id").asText().equals(CUT_MARKER)) {
                    body.add(small("…").put("id", CUT_MARKER));
                }
                return true;
            }
        }
        return false;
    }

    private static int bytes(ObjectNode card) {
        try {
            return JSON.writeValueAsString(card).getBytes(StandardCharsets.UTF_8).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
