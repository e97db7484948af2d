package dk.vum.barometer.slack.blockkit;

import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.outbox.MessageCodec;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;
import dk.vum.barometer.core.store.AdapterStateStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forms shown as a button in a message: a modal can only be opened with the trigger of a click, and a
 * form does not fit in a button's 2,000 characters, so the form is kept in the adapter state under a
 * hash of its content and the button carries the hash.
 *
 * <p>A questionnaire's form is kept without what would show a person's answers: no prefilled comment,
 * no theme (neither its title nor the hidden theme; the comment then goes to the theme the person's
 * encrypted draft awaits). What is kept is then the same for everyone who comments in a measurement,
 * names no one, and can stay for the next click.
 */
public final class FormStash {

    static final String NAMESPACE = "slack.form";

    private final AdapterStateStore state;

    public FormStash(AdapterStateStore state) {
        this.state = state;
    }

    /** The key a form is kept under: the same form always gets the same key. */
    public static String ref(Block.Form form) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json(kept(form)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Keeps every form of the message, before the message is sent. */
    public void keepForms(OrgId org, Message message) {
        for (Block b : message.blocks()) {
            if (b instanceof Block.Form f) state.putState(org, NAMESPACE, ref(f), json(kept(f)));
        }
    }

    public Optional<Block.Form> form(OrgId org, String ref) {
        if (ref == null || ref.length() != 32) return Optional.empty();
        return state.state(org, NAMESPACE, ref).map(MessageCodec::fromJson)
                .flatMap(m -> m.blocks().stream().filter(Block.Form.class::isInstance).map(Block.Form.class::cast).findFirst());
    }

    /** The form as it is kept: a questionnaire's without its title, prefilled values and hidden theme. */
    static Block.Form kept(Block.Form form) {
        if (!form.formId().startsWith(QuestionnaireActions.PREFIX)) return form;
        List<Block.FormField> fields = form.fields().stream().map(f -> new Block.FormField(f.name(), f.label(), f.type(),
                f.required(), null, f.options(), f.hint())).toList();
        Map<String, String> hidden = new HashMap<>(form.hidden());
        hidden.remove(QuestionnaireActions.HIDDEN_THEME);
        String title = fields.isEmpty() ? form.submitLabel() : fields.get(0).label();
        return new Block.Form(form.formId(), title, fields, form.submitLabel(), hidden);
    }

    private static String json(Block.Form form) {
        return MessageCodec.toJson(Message.of(form));
    }
}
