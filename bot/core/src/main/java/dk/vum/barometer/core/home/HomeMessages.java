package dk.vum.barometer.core.home;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.questionnaire.QuestionnaireActions;
import dk.vum.barometer.core.rounds.RoundTexts;
import dk.vum.barometer.core.store.MeasurementStore;
import dk.vum.barometer.core.store.OrganisationStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dk.vum.barometer.core.i18n.Texts.DAY;
import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * A person's overview, for a platform's home surface (Slack's App Home): a coordinator or team leader
 * sees the measurements with their response rates as counts (never who), a respondent their open
 * questionnaires with a button to start or resume each.
 */
public final class HomeMessages {

    /** The most measurements listed; older ones are reached with the commands. */
    static final int MAX_MEASUREMENTS = 15;

    private final OrganisationStore organisations;
    private final MeasurementStore measurements;
    private final Directory directory;

    public HomeMessages(OrganisationStore organisations, MeasurementStore measurements, Directory directory) {
        this.organisations = organisations;
        this.measurements = measurements;
        this.directory = directory;
    }

    public Message home(OrgId org, String userId) {
        Language lang = directory.language(org, userId);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(t(lang, "home.title")));
        Set<Role> roles = organisations.roles(org, userId);
        if (roles.contains(Role.COORDINATOR) || roles.contains(Role.TEAM_LEADER)) measurements(org, lang, blocks);
        questionnaires(org, userId, lang, blocks);
        blocks.add(new Block.Context(t(lang, "home.help")));
        return new Message(blocks, null);
    }

    private void measurements(OrgId org, Language lang, List<Block> blocks) {
        List<Measurement> all = measurements.measurements(org);
        blocks.add(new Block.Heading(t(lang, "list.title")));
        if (all.isEmpty()) {
            blocks.add(new Block.Paragraph(t(lang, "list.empty")));
            return;
        }
        for (Measurement m : all.stream().limit(MAX_MEASUREMENTS).toList()) {
            blocks.add(new Block.Paragraph(RoundTexts.listLine(lang, m)));
            blocks.add(new Block.Context(t(lang, "home.rate", RoundTexts.total(lang, measurements.responseCounts(org, m.number())))));
        }
    }

    private void questionnaires(OrgId org, String userId, Language lang, List<Block> blocks) {
        var open = measurements.openQuestionnaires(org, userId);
        blocks.add(new Block.Heading(t(lang, "home.questionnaires")));
        if (open.isEmpty()) {
            blocks.add(new Block.Paragraph(t(lang, "resume.none")));
            return;
        }
        for (var respondent : open) {
            measurements.measurement(org, respondent.measurement()).ifPresent(m -> {
                blocks.add(new Block.Paragraph(t(lang, "home.questionnaire", m.name(), m.deadline().format(DAY))));
                blocks.add(new Block.Actions(List.of(new Block.Button(t(lang, "button.resume"), QuestionnaireActions.START,
                        String.valueOf(m.number()), Block.ButtonStyle.PRIMARY))));
            });
        }
    }
}
