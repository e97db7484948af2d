package dk.vum.barometer.core.rounds;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Block.FieldType;
import dk.vum.barometer.core.chat.Block.FormField;
import dk.vum.barometer.core.chat.Block.Option;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.RespondentRole;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dk.vum.barometer.core.i18n.Texts.t;

/** The coordinator's forms: a new measurement, and respondents to register. */
public final class RoundForms {

    public static final String NEW = "m.new";
    public static final String ADD = "m.add";
    public static final String F_NAME = "name";
    public static final String F_STAGE = "stage";
    public static final String F_DEADLINE = "deadline";
    public static final String F_CHANNEL = "channel";
    public static final String F_MEASUREMENT = "measurement";
    public static final String F_ROLE = "role";
    public static final String F_USERS = "users";
    /** Hidden: the form's own id (see {@link #instance()}). */
    public static final String F_INSTANCE = "instance";

    private RoundForms() {
    }

    /** The people a submitted form names (a picker's comma-separated ids, or typed @ids). */
    public static List<String> people(Map<String, String> values) {
        List<String> ids = new ArrayList<>();
        for (String part : values.getOrDefault(F_USERS, "").split("[,\\s]+")) {
            String id = part.strip();
            if (id.startsWith("@")) id = id.substring(1);
            if (!id.isEmpty()) ids.add(id);
        }
        return ids;
    }

    /** The channel a submitted form names, without a leading '#'; empty when none. */
    public static Optional<String> channel(Map<String, String> values) {
        return Optional.ofNullable(values.get(F_CHANNEL)).map(String::strip)
                .map(ch -> ch.startsWith("#") ? ch.substring(1) : ch).filter(ch -> !ch.isEmpty());
    }

    public static Message newMeasurement(Language lang) {
        return newMeasurement(lang, null, null, null);
    }

    /** The form filled in with what was typed so far (any may be null), so nothing is typed twice. */
    public static Message newMeasurement(Language lang, String name, String stage, String channel) {
        List<Option> stages = Arrays.stream(Stage.values())
                .map(s -> new Option(s.name().toLowerCase(), s.label().in(lang))).toList();
        return Message.of(new Block.Form(NEW, t(lang, "form.new.title"), List.of(
                new FormField(F_NAME, t(lang, "form.new.name"), FieldType.TEXT, true, blankToNull(name), null, t(lang, "form.new.name.hint")),
                new FormField(F_STAGE, t(lang, "form.new.stage"), FieldType.SELECT, true, stage == null ? "opstart" : stage, stages, null),
                new FormField(F_DEADLINE, t(lang, "form.new.deadline"), FieldType.DATE, true, null, null, t(lang, "form.date.hint")),
                new FormField(F_CHANNEL, t(lang, "form.new.channel"), FieldType.CHANNEL, false, channel, null,
                        t(lang, "form.new.channel.hint"))),
                t(lang, "button.create"), instance()));
    }

    /**
     * Every form carries an id of its own: the bot acts on a form once, so a form sent twice (a double click,
     * a platform's retry, the browser's back button) creates one measurement.
     */
    private static Map<String, String> instance() {
        return Map.of(F_INSTANCE, UUID.randomUUID().toString());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Respondents form for the given measurements (those not closed). */
    public static Message addRespondents(Language lang, List<Measurement> measurements, Integer preselected) {
        List<Option> options = measurements.stream()
                .map(m -> new Option(String.valueOf(m.number()), m.number() + ": " + m.name())).toList();
        List<Option> roles = Arrays.stream(RespondentRole.values())
                .map(r -> new Option(r.name().toLowerCase(), t(lang, "role." + r.name()))).toList();
        return Message.of(new Block.Form(ADD, t(lang, "form.add.title"), List.of(
                new FormField(F_MEASUREMENT, t(lang, "form.add.measurement"), FieldType.SELECT, true,
                        preselected == null ? null : String.valueOf(preselected), options, null),
                new FormField(F_ROLE, t(lang, "form.add.role"), FieldType.SELECT, true, "sagsbehandler", roles, null),
                new FormField(F_USERS, t(lang, "form.add.users"), FieldType.USERS, true, null, null, null)),
                t(lang, "button.add"), instance()));
    }
}
