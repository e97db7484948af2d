package dk.vum.barometer.slack.blockkit;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.element.ConversationsSelectElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.MultiUsersSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Modals and the App Home: a core form becomes a modal with Slack's own pickers (people, channels,
 * dates); the submitted view state becomes the form's values again.
 */
public final class Modals {

    /** The callback id of every modal made from a core form. */
    public static final String FORM_CALLBACK = "barometer.form";
    /** The callback id of the modal that {@code /barometer} without arguments opens. */
    public static final String COMMAND_CALLBACK = "barometer.command";
    public static final String COMMAND_FIELD = "command";
    private static final int MAX_TITLE = 24;
    private static final int MAX_LABEL = 2000;
    private static final int MAX_OPTIONS = 100;
    private static final int MAX_OPTION_TEXT = 75;
    private static final int MAX_INPUT = 3000;
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Modals() {
    }

    public static View form(Block.Form form, String privateMetadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Block.FormField field : form.fields()) {
            blocks.add(InputBlock.builder()
                    .blockId(field.name())
                    .label(BlockKit.plain(field.label(), MAX_LABEL))
                    .hint(field.hint() == null || field.hint().isBlank() ? null : BlockKit.plain(field.hint(), MAX_LABEL))
                    .optional(!field.required())
                    .element(element(field))
                    .build());
        }
        return modal(FORM_CALLBACK, form.title(), form.submitLabel(), blocks, privateMetadata);
    }

    /** The help as a modal with one line to type a command in. */
    public static View command(Message help, String title, String label, String submit, String privateMetadata) {
        List<LayoutBlock> blocks = new ArrayList<>(BlockKit.blocks(help));
        if (blocks.size() >= BlockKit.MAX_VIEW_BLOCKS) blocks = new ArrayList<>(blocks.subList(0, BlockKit.MAX_VIEW_BLOCKS - 1));
        blocks.add(InputBlock.builder().blockId(COMMAND_FIELD).label(BlockKit.plain(label, MAX_LABEL))
                .element(PlainTextInputElement.builder().actionId(COMMAND_FIELD).maxLength(MAX_INPUT).build()).build());
        return modal(COMMAND_CALLBACK, title, submit, blocks, privateMetadata);
    }

    /** The App Home tab: the message's blocks, cut to a view's 100 blocks. */
    public static View home(Message message) {
        List<LayoutBlock> blocks = BlockKit.blocks(message);
        if (blocks.size() > BlockKit.MAX_VIEW_BLOCKS) blocks = blocks.subList(0, BlockKit.MAX_VIEW_BLOCKS);
        return View.builder().type("home").blocks(blocks).build();
    }

    private static View modal(String callbackId, String title, String submit, List<LayoutBlock> blocks, String privateMetadata) {
        return View.builder().type("modal").callbackId(callbackId)
                .title(ViewTitle.builder().type("plain_text").text(Mrkdwn.truncate(title, MAX_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(Mrkdwn.truncate(submit, MAX_TITLE)).build())
                .privateMetadata(privateMetadata)
                .blocks(blocks)
                .build();
    }

    private static BlockElement element(Block.FormField field) {
        String initial = field.initialValue() == null || field.initialValue().isBlank() ? null : field.initialValue();
        return switch (field.type()) {
            case TEXT, MULTILINE -> PlainTextInputElement.builder().actionId(field.name())
                    .multiline(field.type() == Block.FieldType.MULTILINE).initialValue(initial)
                    .maxLength(field.maxLength() == null ? MAX_INPUT : Math.min(field.maxLength(), MAX_INPUT)).build();
            case DATE -> DatePickerElement.builder().actionId(field.name())
                    .initialDate(initial != null && DAY.matcher(initial).matches() ? initial : null).build();
            case SELECT -> select(field, initial);
            case USERS -> MultiUsersSelectElement.builder().actionId(field.name()).build();
            case CHANNEL -> ConversationsSelectElement.builder().actionId(field.name())
                    .filter(ConversationsFilter.builder().include(List.of("public", "private")).excludeBotUsers(true).build())
                    .build();
        };
    }

    private static StaticSelectElement select(Block.FormField field, String initial) {
        List<OptionObject> options = field.options().stream().limit(MAX_OPTIONS)
                .map(o -> OptionObject.builder().value(o.value()).text(BlockKit.plain(o.label(), MAX_OPTION_TEXT)).build())
                .toList();
        OptionObject chosen = options.stream().filter(o -> o.getValue().equals(initial)).findFirst().orElse(null);
        return StaticSelectElement.builder().actionId(field.name()).options(options).initialOption(chosen).build();
    }

    /** The submitted values by block id: text as typed, dates as yyyy-mm-dd, people and channels as ids. */
    public static Map<String, String> values(ViewState state) {
        return byBlock(state, Modals::value);
    }

    /** The core's field errors in an answer, by field (the modal's block ids), for {@code response_action: errors}. */
    public static Map<String, String> fieldErrors(List<Message> answer) {
        Map<String, String> errors = new LinkedHashMap<>();
        answer.stream().flatMap(m -> m.blocks().stream()).filter(Block.FieldError.class::isInstance).map(Block.FieldError.class::cast)
                .forEach(e -> errors.merge(e.field(), Mrkdwn.truncate(e.text(), MAX_LABEL), (a, b) -> a));
        return errors;
    }

    /** The channels chosen in a submitted modal's channel pickers, by block id. */
    public static Map<String, String> channels(ViewState state) {
        return byBlock(state, v -> v.getSelectedConversation() != null ? v.getSelectedConversation() : v.getSelectedChannel());
    }

    private static Map<String, String> byBlock(ViewState state, Function<ViewState.Value, String> read) {
        Map<String, String> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) return values;
        state.getValues().forEach((blockId, actions) -> {
            if (actions == null) return;
            actions.values().forEach(v -> {
                String value = v == null ? null : read.apply(v);
                if (value != null) values.put(blockId, value);
            });
        });
        return values;
    }

    private static String value(ViewState.Value v) {
        if (v.getValue() != null) return v.getValue();
        if (v.getSelectedDate() != null) return v.getSelectedDate();
        if (v.getSelectedOption() != null) return v.getSelectedOption().getValue();
        if (v.getSelectedUsers() != null) return String.join(",", v.getSelectedUsers());
        if (v.getSelectedConversation() != null) return v.getSelectedConversation();
        if (v.getSelectedChannel() != null) return v.getSelectedChannel();
        if (v.getSelectedUser() != null) return v.getSelectedUser();
        return null;
    }
}
