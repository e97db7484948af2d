package dk.vum.barometer.core.plan;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Activity;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.core.rounds.WorkingHours;
import dk.vum.barometer.core.store.ActivityStore;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.OutboxStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static dk.vum.barometer.core.i18n.Texts.DAY;
import static dk.vum.barometer.core.i18n.Texts.t;

/**
 * Reminds the person responsible for an activity in the days before it is due, and shows an overdue one
 * in the team's channel, in working hours. Each message is queued under a dedupe key naming the activity
 * and its due date, so a restart, a second instance or the next run never sends it twice.
 */
public final class ActivityReminders {

    /** Reminded from this many days before the due date. */
    static final int DAYS_BEFORE = 2;
    /** Overdue activities are shown in the channel once, within this many days after the due date. */
    static final int OVERDUE_WITHIN_DAYS = 14;

    private final OrganisationStore organisations;
    private final ActivityStore activities;
    private final OutboxStore outbox;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;

    public ActivityReminders(OrganisationStore organisations, ActivityStore activities, OutboxStore outbox,
                             Directory directory, Clock clock, ZoneId zone) {
        this.organisations = organisations;
        this.activities = activities;
        this.outbox = outbox;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    public void runDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        if (!WorkingHours.contains(now)) return;
        LocalDate today = now.toLocalDate();
        for (OrgId org : organisations.organisations()) {
            List<OutboxMessage> due = new ArrayList<>();
            for (Activity a : activities.openActivities(org)) {
                String key = "activity:" + a.number() + ":" + a.due();
                if (!today.isBefore(a.due().minusDays(DAYS_BEFORE)) && !today.isAfter(a.due())) {
                    due.add(Outbox.message(org, new Destination.Direct(a.responsible()),
                            reminder(directory.language(org, a.responsible()), a), key + ":remind"));
                } else if (today.isAfter(a.due()) && !today.isAfter(a.due().plusDays(OVERDUE_WITHIN_DAYS))) {
                    // The channel's language is not known: Danish, the organisation's language.
                    due.add(Outbox.message(org, new Destination.Channel(a.channelId()),
                            overdue(Language.DA, org, a), key + ":overdue"));
                }
            }
            outbox.enqueue(due);
        }
    }

    private static Message reminder(Language lang, Activity a) {
        return Message.of(new Block.Paragraph(t(lang, "plan.reminder", a.title(), a.due().format(DAY), "#" + a.channelId())),
                new Block.Actions(List.of(new Block.Button(t(lang, "plan.button.done"), PlanCommands.DONE,
                        String.valueOf(a.number()), Block.ButtonStyle.PRIMARY))),
                new Block.Context(t(lang, "plan.reminder.hint", a.number())));
    }

    private Message overdue(Language lang, OrgId org, Activity a) {
        return Message.of(new Block.Paragraph(t(lang, "plan.overdue", a.number(), a.title(), a.due().format(DAY),
                directory.name(org, a.responsible()))), new Block.Context(t(lang, "plan.reminder.hint", a.number())));
    }
}
