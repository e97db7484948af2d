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

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    private RoundForms() {
    }

    /** What each stage means, so the coordinator can choose: as the select's hint and below the form (Teams shows no hint on a select). */
    private static String stageHint(Language lang) {
        return t(lang, "form.new.stage.hint", Stage.OPSTART.description().in(lang), Stage.FORANKRING.description().in(lang));
    }

    public static Message newMeasurement(Language lang) {
        List<Option> stages = Arrays.stream(Stage.values())
                .map(s -> new Option(s.name().toLowerCase(), s.label().in(lang))).toList();
        return Message.of(new Block.Form(NEW, t(lang, "form.new.title"), List.of(
                new FormField(F_NAME, t(lang, "form.new.name"), FieldType.TEXT, true, null, null, t(lang, "form.new.name.hint")),
                new FormField(F_STAGE, t(lang, "form.new.stage"), FieldType.SELECT, true, "opstart", stages, stageHint(lang)),
                new FormField(F_DEADLINE, t(lang, "form.new.deadline"), FieldType.DATE, true, null, null, null),
                new FormField(F_CHANNEL, t(lang, "form.new.channel"), FieldType.CHANNEL, false, null, null,
                        t(lang, "form.new.channel.hint"))),
                t(lang, "button.create"), Map.of()), new Block.Context(stageHint(lang)));
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
                t(lang, "button.add"), Map.of()));
    }
}
