package dk.vum.barometer.storage;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.model.ResponseCounts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of pinned content, measurements and respondents, on every database. */
public abstract class MeasurementStoreContract extends StorageContract {

    @Test
    void contentIsStoredOncePerHash() {
        store.saveContent("h1", "{\"v\":1}");
        store.saveContent("h1", "{\"v\":2}");

        assertThat(store.content("h1")).contains("{\"v\":1}");
        assertThat(store.content("h2")).isEmpty();
    }

    @Test
    void measurementsAreNumberedPerOrganisation() {
        Measurement first = store.createMeasurement(newMeasurement(A));
        Measurement second = store.createMeasurement(newMeasurement(A));
        Measurement other = store.createMeasurement(newMeasurement(B));

        assertThat(List.of(first.number(), second.number(), other.number())).containsExactly(1, 2, 1);
        assertThat(store.measurements(A)).extracting(Measurement::number).containsExactly(2, 1);
        assertThat(store.measurements(B)).extracting(Measurement::number).containsExactly(1);
        assertThat(store.measurement(B, 2)).isEmpty();
    }

    @Test
    void aMeasurementIsReadBackAsCreated() {
        NewMeasurement m = new NewMeasurement(A, "Forår 2025", Stage.FORANKRING, LocalDate.of(2025, 4, 1), "C42", 3,
                Map.of(Audience.LEDELSE, "hash-l", Audience.SAGSBEHANDLERE, "hash-s"), "U1", DAY);
        Measurement created = store.createMeasurement(m);
        Measurement bare = store.createMeasurement(
                new NewMeasurement(A, "Uden frist", Stage.OPSTART, null, null, null, Map.of(), "U1", DAY));

        Measurement expected = new Measurement(A, 1, "Forår 2025", Stage.FORANKRING, LocalDate.of(2025, 4, 1), "C42", 3,
                Map.of(Audience.LEDELSE, "hash-l", Audience.SAGSBEHANDLERE, "hash-s"), MeasurementStatus.DRAFT, 0, "U1", DAY, null, null);
        assertThat(created).isEqualTo(expected);
        assertThat(store.measurement(A, 1)).contains(expected);
        assertThat(store.measurement(A, 2)).contains(bare);
        assertThat(bare.deadline()).isNull();
        assertThat(bare.compareWith()).isNull();
    }

    @Test
    void addingRespondentsReturnsOnlyTheNewOnesAndKeepsExistingRows() {
        int m = store.createMeasurement(newMeasurement(A)).number();

        assertThat(store.addRespondents(A, m, Map.of("U2", RespondentRole.SAGSBEHANDLER, "U1", RespondentRole.LEDER), List.of()))
                .containsExactly("U1", "U2");
        assertThat(store.addRespondents(A, m, Map.of("U1", RespondentRole.SUPERBRUGER, "U3", RespondentRole.SUPERBRUGER), List.of()))
                .containsExactly("U3");

        assertThat(store.respondents(A, m)).containsExactly(
                new Respondent(A, m, "U1", RespondentRole.LEDER, RespondentStatus.REGISTERED),
                new Respondent(A, m, "U2", RespondentRole.SAGSBEHANDLER, RespondentStatus.REGISTERED),
                new Respondent(A, m, "U3", RespondentRole.SUPERBRUGER, RespondentStatus.REGISTERED));
        assertThat(store.respondent(A, m, "U3")).map(Respondent::role).contains(RespondentRole.SUPERBRUGER);
        assertThat(store.respondent(A, m, "U4")).isEmpty();
    }

    @Test
    void respondentsCannotBeAddedToAClosedOrMissingMeasurement() {
        int m = openMeasurement(A, "U1");
        store.close(A, m);

        assertThat(store.addRespondents(A, m, Map.of("U2", RespondentRole.LEDER), List.of())).isEmpty();
        assertThat(store.addRespondents(A, 99, Map.of("U2", RespondentRole.LEDER), List.of())).isEmpty();
        assertThat(store.respondents(A, m)).extracting(Respondent::userId).containsExactly("U1");
    }

    @Test
    void openingInvitesTheRegisteredAndQueuesTheInvitationsOnce() {
        int m = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, m, Map.of("U1", RespondentRole.LEDER, "U2", RespondentRole.SAGSBEHANDLER), List.of());

        assertThat(store.open(A, m, DAY, OrgSettings.DEFAULTS, List.of(message(A, "invite-U1"), message(A, "invite-U2")))).isTrue();
        assertThat(store.open(A, m, DAY, OrgSettings.DEFAULTS, List.of(message(A, "invite-again")))).isFalse();

        assertThat(store.measurement(A, m)).map(Measurement::status).contains(MeasurementStatus.OPEN);
        assertThat(store.measurement(A, m)).map(Measurement::openedOn).contains(DAY);
        assertThat(store.measurement(A, m)).map(Measurement::thresholds).contains(OrgSettings.DEFAULTS);
        assertThat(store.respondents(A, m)).extracting(Respondent::status)
                .containsOnly(RespondentStatus.INVITED);
        assertThat(dedupeKeys(claimAll())).containsExactly("invite-U1", "invite-U2");
    }

    @Test
    void aMeasurementThatHasNotStartedCanBeRenamedPrunedAndDeletedButNotOnceStarted() {
        int draft = store.createMeasurement(newMeasurement(A)).number();
        int started = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, draft, Map.of("U1", RespondentRole.LEDER, "U2", RespondentRole.LEDER), List.of());
        store.addRespondents(A, started, Map.of("U1", RespondentRole.LEDER, "U2", RespondentRole.LEDER), List.of());
        store.open(A, started, DAY, OrgSettings.DEFAULTS, List.of());

        assertThat(store.rename(A, draft, "Nyt navn")).isTrue();
        assertThat(store.rename(A, started, "Nyt navn")).isFalse();
        assertThat(store.removeRespondent(A, draft, "U1")).isTrue();
        assertThat(store.removeRespondent(A, draft, "U1")).isFalse();
        assertThat(store.removeRespondent(A, started, "U1")).isFalse();
        assertThat(store.changeDeadline(A, started, DAY.plusDays(9))).isTrue();

        assertThat(store.measurement(A, draft)).map(Measurement::name).contains("Nyt navn");
        assertThat(store.respondents(A, draft)).extracting(Respondent::userId).containsExactly("U2");
        assertThat(store.respondents(A, started)).hasSize(2);
        assertThat(store.measurement(A, started)).map(Measurement::deadline).contains(DAY.plusDays(9));

        assertThat(store.deleteDraft(A, started)).isFalse();
        assertThat(store.deleteDraft(A, draft)).isTrue();
        assertThat(store.measurement(A, draft)).isEmpty();
        assertThat(store.respondents(A, draft)).isEmpty();
        store.close(A, started);
        assertThat(store.changeDeadline(A, started, DAY.plusDays(20))).isFalse();
        assertThat(store.measurement(A, started)).map(Measurement::deadline).contains(DAY.plusDays(9));
    }

    @Test
    void openingWithAnotherOrganisationsMessageChangesNothing() {
        int m = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, m, Map.of("U1", RespondentRole.LEDER), List.of());

        assertThatThrownBy(() -> store.open(A, m, DAY, OrgSettings.DEFAULTS, List.of(message(A, "ok"), message(B, "foreign"))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.measurement(A, m)).map(Measurement::status).contains(MeasurementStatus.DRAFT);
        assertThat(store.respondent(A, m, "U1")).map(Respondent::status).contains(RespondentStatus.REGISTERED);
        assertThat(claimAll()).isEmpty();
    }

    @Test
    void lateRespondentsAreInvitedInTheSameTransactionOnlyWhileTheMeasurementIsOpen() {
        int draft = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, draft, Map.of("U1", RespondentRole.LEDER), List.of(invitation(A, "U1", "too-early")));
        assertThat(store.respondent(A, draft, "U1")).map(Respondent::status).contains(RespondentStatus.REGISTERED);

        int m = openMeasurement(A, "U1");
        assertThat(store.addRespondents(A, m, Map.of("U2", RespondentRole.SAGSBEHANDLER, "U1", RespondentRole.LEDER),
                List.of(invitation(A, "U2", "invite-U2"), invitation(A, "U1", "invite-U1-again"))))
                .containsExactly("U2");

        assertThat(store.respondent(A, m, "U2")).map(Respondent::status).contains(RespondentStatus.INVITED);
        assertThat(dedupeKeys(claimAll())).containsExactly("invite-" + m + "-U1", "invite-U2");
    }

    @Test
    void closingIsACompareAndSetFromOpen() {
        int m = store.createMeasurement(newMeasurement(A)).number();
        assertThat(store.close(A, m)).isFalse();

        store.open(A, m, DAY, OrgSettings.DEFAULTS, List.of());
        assertThat(store.close(A, m)).isTrue();
        assertThat(store.close(A, m)).isFalse();
        assertThat(store.open(A, m, DAY, OrgSettings.DEFAULTS, List.of())).isFalse();
        assertThat(store.measurement(A, m)).map(Measurement::status).contains(MeasurementStatus.CLOSED);
    }

    @Test
    void closingDeletesTheDraftsNobodySubmitted() {
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "{\"cursor\":1}", 0);

        store.close(A, m);

        assertThat(store.draft(A, m, "U1")).isEmpty();
    }

    @Test
    void automaticRemindersAreRecordedOncePerRoundAndInOrder() {
        int draft = store.createMeasurement(newMeasurement(A)).number();
        assertThat(store.recordAutomaticReminder(A, draft, 0, 1, List.of(message(A, "r-draft")))).isFalse();

        int m = openMeasurement(A, "U1");
        assertThat(store.recordAutomaticReminder(A, m, 1, 2, List.of(message(A, "r2-early")))).isFalse();
        assertThat(store.recordAutomaticReminder(A, m, 0, 1, List.of(message(A, "r1")))).isTrue();
        assertThat(store.recordAutomaticReminder(A, m, 0, 1, List.of(message(A, "r1-again")))).isFalse();
        assertThat(store.recordAutomaticReminder(A, m, 1, 2, List.of(message(A, "r2")))).isTrue();
        assertThatThrownBy(() -> store.recordAutomaticReminder(A, m, 2, 3, List.of()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.measurement(A, m)).map(Measurement::autoReminders).contains(2);
        assertThat(dedupeKeys(claimAll())).containsExactly("invite-" + m + "-U1", "r1", "r2");
    }

    @Test
    void noReminderIsRecordedAfterClosing() {
        int m = openMeasurement(A, "U1");
        store.close(A, m);

        assertThat(store.recordAutomaticReminder(A, m, 0, 1, List.of(message(A, "late")))).isFalse();
        assertThat(store.measurement(A, m)).map(Measurement::autoReminders).contains(0);
    }

    @Test
    void openQuestionnairesAreTheUsersUnsubmittedRegistrationsOnOpenMeasurements() {
        int waiting = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, waiting, Map.of("U1", RespondentRole.LEDER), List.of());
        int first = openMeasurement(A, "U1");
        int second = openMeasurement(A, "U1", "U2");
        int closed = openMeasurement(A, "U1");
        store.close(A, closed);
        openMeasurement(B, "U1");

        assertThat(store.openQuestionnaires(A, "U1")).extracting(Respondent::measurement).containsExactly(first, second);

        store.submit(A, first, "U1", submission(ReportGroup.LEDELSE));

        assertThat(store.openQuestionnaires(A, "U1")).extracting(Respondent::measurement).containsExactly(second);
        assertThat(store.openQuestionnaires(A, "U3")).isEmpty();
    }

    @Test
    void responseCountsAreByReportGroupWithoutNames() {
        int m = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, m, Map.of("L1", RespondentRole.LEDER, "S1", RespondentRole.SUPERBRUGER,
                "C1", RespondentRole.SAGSBEHANDLER), List.of());
        store.open(A, m, DAY, OrgSettings.DEFAULTS, List.of());
        store.submit(A, m, "C1", submission(ReportGroup.MEDARBEJDERE));

        assertThat(store.responseCounts(A, m)).containsExactly(
                new ResponseCounts(ReportGroup.LEDELSE, 1, 0),
                new ResponseCounts(ReportGroup.MEDARBEJDERE, 2, 1));
    }
}
