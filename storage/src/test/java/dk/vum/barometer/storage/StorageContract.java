package dk.vum.barometer.storage;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.ContentLoader;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.questionnaire.RespondentFlow;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.RespondentStatus;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.model.UserProfile;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.PendingDelivery;
import dk.vum.barometer.core.store.DraftTooLargeException;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.core.store.TranscriptEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every {@link Storage} must have. A store's test extends this class and says how to
 * make a fresh, empty store.
 */
public abstract class StorageContract {

    protected static final OrgId A = new OrgId("slack:TA");
    protected static final OrgId B = new OrgId("teams:tenant-b");
    protected static final LocalDate DAY = LocalDate.of(2025, 3, 12);
    private static final Instant T0 = Instant.parse("2025-03-12T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    protected final MutableClock clock = new MutableClock(T0);
    protected Storage store;

    /** A new store with no data, stamping housekeeping times with {@code clock}. */
    protected abstract Storage newStorage(Clock clock);

    @BeforeEach
    void openStore() {
        store = newStorage(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // Organisations, users and roles

    @Test
    void anOrganisationIsCreatedOnce() {
        assertThat(store.ensureOrganisation(A, "Aarhus")).isTrue();
        assertThat(store.ensureOrganisation(A, "Aarhus igen")).isFalse();
        assertThat(store.ensureOrganisation(B, "Billund")).isTrue();
        assertThat(store.organisations()).containsExactly(A, B);
    }

    @Test
    void aUserKeepsTheirLanguageWhenTheirNameIsRefreshed() {
        store.upsertUser(A, "U1", "Anna");
        assertThat(store.user(A, "U1")).contains(new UserProfile(A, "U1", "Anna", null));

        store.setLanguage(A, "U1", Language.EN);
        store.upsertUser(A, "U1", "Anna Berg");
        store.upsertUser(A, "U1", null);

        assertThat(store.user(A, "U1")).contains(new UserProfile(A, "U1", "Anna Berg", Language.EN));
    }

    @Test
    void choosingALanguageRecordsAnUnknownUser() {
        store.setLanguage(A, "U9", Language.DA);

        assertThat(store.user(A, "U9")).contains(new UserProfile(A, "U9", null, Language.DA));
    }

    @Test
    void usersBelongToTheirOrganisation() {
        store.upsertUser(A, "U1", "Anna");
        store.upsertUser(A, "U2", "Bo");
        store.upsertUser(B, "U1", "Other Anna");

        assertThat(store.users(A)).extracting(UserProfile::displayName).containsExactly("Anna", "Bo");
        assertThat(store.users(B)).extracting(UserProfile::displayName).containsExactly("Other Anna");
        assertThat(store.user(B, "U2")).isEmpty();
    }

    @Test
    void onlyTheFirstUserBecomesCoordinatorByClaiming() {
        assertThat(store.claimFirstCoordinator(A, "U1")).isTrue();
        assertThat(store.claimFirstCoordinator(A, "U2")).isFalse();
        assertThat(store.claimFirstCoordinator(A, "U1")).isFalse();
        assertThat(store.claimFirstCoordinator(B, "U2")).isTrue();

        assertThat(store.roles(A, "U1")).containsExactly(Role.COORDINATOR);
        assertThat(store.roles(A, "U2")).isEmpty();
    }

    @Test
    void noCoordinatorCanBeClaimedOnceOneWasGranted() {
        store.grantRole(A, "U1", Role.COORDINATOR);

        assertThat(store.claimFirstCoordinator(A, "U2")).isFalse();
    }

    @Test
    void rolesAreGrantedAndRevokedPerOrganisation() {
        store.grantRole(A, "U1", Role.COORDINATOR);
        store.grantRole(A, "U1", Role.TEAM_LEADER);
        store.grantRole(A, "U1", Role.TEAM_LEADER);
        store.grantRole(A, "U2", Role.TEAM_LEADER);
        store.grantRole(B, "U3", Role.COORDINATOR);

        assertThat(store.roles(A, "U1")).containsExactlyInAnyOrder(Role.COORDINATOR, Role.TEAM_LEADER);
        assertThat(store.roleHolders(A)).isEqualTo(Map.of(
                "U1", Set.of(Role.COORDINATOR, Role.TEAM_LEADER),
                "U2", Set.of(Role.TEAM_LEADER)));

        store.revokeRole(A, "U1", Role.COORDINATOR);
        store.revokeRole(A, "U3", Role.COORDINATOR);

        assertThat(store.roles(A, "U1")).containsExactly(Role.TEAM_LEADER);
        assertThat(store.roleHolders(B)).isEqualTo(Map.of("U3", Set.of(Role.COORDINATOR)));
    }

    @Test
    void settingsDefaultUntilSavedAndBelongToTheirOrganisation() {
        assertThat(store.settings(A)).isEqualTo(OrgSettings.DEFAULTS);

        store.saveSettings(A, new OrgSettings(4, 8));
        store.saveSettings(A, new OrgSettings(6, 12));

        assertThat(store.settings(A)).isEqualTo(new OrgSettings(6, 12));
        assertThat(store.settings(B)).isEqualTo(OrgSettings.DEFAULTS);
    }

    // Content and measurements

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

    // Drafts

    @Test
    void draftsAreSavedWithOptimisticVersions() {
        int m = openMeasurement(A, "U1");
        assertThat(store.draft(A, m, "U1")).isEmpty();

        assertThat(store.saveDraft(A, m, "U1", "s1", 0)).isTrue();
        assertThat(store.saveDraft(A, m, "U1", "lost", 0)).isFalse();
        assertThat(store.draft(A, m, "U1")).contains(new Draft("s1", 1));

        assertThat(store.saveDraft(A, m, "U1", "s2", 1)).isTrue();
        assertThat(store.saveDraft(A, m, "U1", "stale", 1)).isFalse();
        assertThat(store.saveDraft(A, m, "U1", "future", 7)).isFalse();
        assertThat(store.draft(A, m, "U1")).contains(new Draft("s2", 2));
    }

    /**
     * Every draft is stored padded to one size: one with the longest comment on each of nine themes, in
     * Danish prose, fits; one that does not fit (random Cyrillic letters, two bytes each, which do not compress) is
     * refused before anything is written, and the saved draft stays as it was.
     */
    @Test
    void aDraftWithEveryThemesLongestCommentFitsAndOneTooLargeIsRefusedUnchanged() throws IOException {
        int m = openMeasurement(A, "U1");
        String prose = danishProse();
        String longest = draftWithComments(theme -> prose.substring(theme * 1_900, theme * 1_900 + RespondentFlow.MAX_COMMENT_LENGTH));
        assertThat(store.saveDraft(A, m, "U1", longest, 0)).isTrue();
        assertThat(store.draft(A, m, "U1")).contains(new Draft(longest, 1));

        Random random = new Random(7);
        String tooLarge = draftWithComments(theme -> random.ints(RespondentFlow.MAX_COMMENT_LENGTH, 0x400, 0x500)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        assertThatThrownBy(() -> store.saveDraft(A, m, "U1", tooLarge, 1)).isInstanceOf(DraftTooLargeException.class);
        assertThat(store.draft(A, m, "U1")).contains(new Draft(longest, 1));
        assertThat(store.saveDraft(A, m, "U1", "{}", 1)).as("the version did not move").isTrue();
    }

    /** A draft's JSON with a comment on each of nine themes (0 to 8). */
    private static String draftWithComments(IntFunction<String> comment) {
        StringBuilder json = new StringBuilder("{\"answers\":{\"L1\":4},\"comments\":{");
        for (int theme = 0; theme < 9; theme++) {
            if (theme > 0) json.append(',');
            json.append("\"t").append(theme).append("\":\"").append(comment.apply(theme)).append('"');
        }
        return json.append("},\"position\":\"@review\"}").toString();
    }

    /** Every distinct Danish text of the shipped content (statements, checklist, team meeting): over 17,000 characters of prose. */
    private static String danishProse() throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        for (String file : List.of("opstart-ledelse", "opstart-sagsbehandlere", "forankring-ledelse", "forankring-sagsbehandlere",
                "checklist", "team-meeting")) {
            try (InputStream in = ContentLoader.class.getResourceAsStream("/content/" + file + ".json")) {
                new ObjectMapper().readTree(in).findValues("da").forEach(da -> texts.add(da.asText()));
            }
        }
        String prose = String.join(" ", texts);
        assertThat(prose.length()).as("enough prose for nine comments").isGreaterThan(8 * 1_900 + RespondentFlow.MAX_COMMENT_LENGTH);
        return prose;
    }

    @Test
    void draftsAreRefusedUnlessTheMeasurementIsOpenForTheRespondent() {
        int draft = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, draft, Map.of("U1", RespondentRole.LEDER), List.of());
        int closed = openMeasurement(A, "U1");
        store.close(A, closed);
        int open = openMeasurement(A, "U1");

        assertThat(store.saveDraft(A, draft, "U1", "s", 0)).isFalse();
        assertThat(store.saveDraft(A, closed, "U1", "s", 0)).isFalse();
        assertThat(store.saveDraft(A, open, "stranger", "s", 0)).isFalse();
        assertThat(store.saveDraft(A, 99, "U1", "s", 0)).isFalse();
        assertThat(store.draft(A, draft, "U1")).isEmpty();
    }

    @Test
    void noDraftIsSavedAfterSubmitting() {
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "s1", 0);
        store.submit(A, m, "U1", submission(ReportGroup.LEDELSE));

        assertThat(store.saveDraft(A, m, "U1", "s2", 1)).isFalse();
        assertThat(store.saveDraft(A, m, "U1", "s2", 0)).isFalse();
        assertThat(store.draft(A, m, "U1")).isEmpty();
    }

    // Submissions

    @Test
    void aSubmissionBecomesAnAnonymousResponseAndEndsTheDraft() {
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "{\"cursor\":3}", 0);

        Submission s = new Submission(ReportGroup.LEDELSE, "hash-l", Map.of("i1", 4, "i2", 0),
                Map.of("t1", "Godt samarbejde", "t2", "Mere tid"));
        assertThat(store.submit(A, m, "U1", s)).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(store.draft(A, m, "U1")).isEmpty();
        assertThat(store.respondent(A, m, "U1")).map(Respondent::status).contains(RespondentStatus.SUBMITTED);
        store.close(A, m);

        assertThat(store.responses(A, m)).containsExactly(
                new StoredResponse(ReportGroup.LEDELSE, "hash-l", Map.of("i1", 4, "i2", 0)));
        assertThat(store.comments(A, m)).containsExactly(
                new StoredComment(ReportGroup.LEDELSE, "t1", "Godt samarbejde"),
                new StoredComment(ReportGroup.LEDELSE, "t2", "Mere tid"));
        assertThat(store.draft(A, m, "U1")).isEmpty();
        assertThat(store.respondent(A, m, "U1")).map(Respondent::status).contains(RespondentStatus.SUBMITTED);
    }

    @Test
    void aResponseWithoutAnswersIsKept() {
        int m = openMeasurement(A, "U1");

        store.submit(A, m, "U1", new Submission(ReportGroup.LEDELSE, "hash-l", Map.of(), Map.of()));
        store.close(A, m);

        assertThat(store.responses(A, m)).containsExactly(new StoredResponse(ReportGroup.LEDELSE, "hash-l", Map.of()));
    }

    @Test
    void aSecondSubmissionIsRefusedAndChangesNothing() {
        int m = openMeasurement(A, "U1");
        store.submit(A, m, "U1", submission(ReportGroup.LEDELSE));

        Submission other = new Submission(ReportGroup.LEDELSE, "hash-l", Map.of("i1", 1), Map.of("t9", "igen"));
        assertThat(store.submit(A, m, "U1", other)).isEqualTo(SubmitResult.ALREADY_SUBMITTED);
        store.mixSealed();
        store.close(A, m);

        assertThat(store.responses(A, m)).containsExactly(
                new StoredResponse(ReportGroup.LEDELSE, "hash-l", Map.of("i1", 4, "i2", 2)));
        assertThat(store.comments(A, m)).extracting(StoredComment::text).containsExactly("Fint");
    }

    @Test
    void aSubmissionAfterClosingIsRefused() {
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "s1", 0);
        store.close(A, m);

        assertThat(store.submit(A, m, "U1", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.NOT_OPEN);

        assertThat(store.responses(A, m)).isEmpty();
        assertThat(store.comments(A, m)).isEmpty();
        assertThat(store.respondent(A, m, "U1")).map(Respondent::status).contains(RespondentStatus.INVITED);
    }

    @Test
    void aSubmissionBeforeOpeningIsRefused() {
        int m = store.createMeasurement(newMeasurement(A)).number();
        store.addRespondents(A, m, Map.of("U1", RespondentRole.LEDER), List.of());

        assertThat(store.submit(A, m, "U1", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.NOT_OPEN);
        assertThat(store.responses(A, m)).isEmpty();
    }

    @Test
    void onlyRespondentsCanSubmit() {
        int m = openMeasurement(A, "U1");

        assertThat(store.submit(A, m, "stranger", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.NOT_RESPONDENT);
        assertThat(store.submit(A, 99, "U1", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.NOT_RESPONDENT);
        assertThat(store.responses(A, m)).isEmpty();
    }

    @Test
    void answersFiledUnderAnotherGroupAreRefusedWithoutChange() {
        int m = openMeasurement(A, "U1");
        store.saveDraft(A, m, "U1", "s1", 0);

        assertThatThrownBy(() -> store.submit(A, m, "U1", submission(ReportGroup.MEDARBEJDERE)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.responses(A, m)).isEmpty();
        assertThat(store.draft(A, m, "U1")).contains(new Draft("s1", 1));
        assertThat(store.respondent(A, m, "U1")).map(Respondent::status).contains(RespondentStatus.INVITED);
    }

    @Test
    void organisationsNeverSeeEachOthersMeasurementData() {
        int inA = openMeasurement(A, "U1");
        int inB = openMeasurement(B, "U1");
        assertThat(inA).isEqualTo(inB);
        store.saveDraft(A, inA, "U1", "draft in A", 0);
        store.saveDraft(B, inB, "U1", "draft in B", 0);

        store.submit(A, inA, "U1", submission(ReportGroup.LEDELSE));

        assertThat(store.responses(B, inB)).isEmpty();
        assertThat(store.comments(B, inB)).isEmpty();
        assertThat(store.draft(B, inB, "U1")).contains(new Draft("draft in B", 1));
        assertThat(store.respondent(B, inB, "U1")).map(Respondent::status).contains(RespondentStatus.INVITED);
        assertThat(store.responseCounts(B, inB)).containsExactly(
                new ResponseCounts(ReportGroup.LEDELSE, 1, 0), new ResponseCounts(ReportGroup.MEDARBEJDERE, 0, 0));

        store.close(B, inB);
        assertThat(store.measurement(A, inA)).map(Measurement::status).contains(MeasurementStatus.OPEN);
        assertThat(store.submit(A, inA, "U1", submission(ReportGroup.LEDELSE))).isEqualTo(SubmitResult.ALREADY_SUBMITTED);
        store.close(A, inA);
        assertThat(store.responses(A, inA)).hasSize(1);
        assertThat(store.responses(B, inB)).isEmpty();
    }

    @Test
    void closingMakesEveryAcceptedSubmissionAResponseAndKeepsNoDraft() {
        String[] users = {"L1", "C1", "C2", "C3", "C4", "C5", "C6", "C7"};
        int m = openMeasurement(A, users);
        for (String u : users) {
            store.saveDraft(A, m, u, "{\"cursor\":1}", 0);
            ReportGroup group = u.startsWith("L") ? ReportGroup.LEDELSE : ReportGroup.MEDARBEJDERE;
            assertThat(store.submit(A, m, u, new Submission(group, group == ReportGroup.LEDELSE ? "hash-l" : "hash-s",
                    Map.of("i1", 3), Map.of("t1", "fra " + u)))).isEqualTo(SubmitResult.ACCEPTED);
            store.mixSealed();
        }
        store.saveDraft(A, m, "late", "{\"cursor\":1}", 0);

        assertThat(store.close(A, m)).isTrue();
        assertThat(store.mixSealed()).isZero();

        assertThat(store.responses(A, m)).hasSize(users.length)
                .filteredOn(r -> r.group() == ReportGroup.LEDELSE).hasSize(1);
        assertThat(store.comments(A, m)).extracting(StoredComment::text)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(users).map(u -> "fra " + u).toList());
        assertThat(users).allSatisfy(u -> assertThat(store.draft(A, m, u)).isEmpty());
    }

    @Test
    void mixingAgainChangesNothing() {
        int m = openMeasurement(A, "L1", "C1", "C2", "C3");
        for (String u : List.of("C1", "C2", "C3")) store.submit(A, m, u, submission(ReportGroup.MEDARBEJDERE));
        store.mixSealed();
        store.mixSealed();
        store.close(A, m);
        store.mixSealed();

        assertThat(store.responses(A, m)).hasSize(3);
        assertThat(store.comments(A, m)).hasSize(3);
    }

    // Outbox

    @Test
    void theOutboxQueuesEachDedupeKeyOncePerOrganisation() {
        store.enqueue(List.of(message(A, "k1"), message(A, "k1"), message(B, "k1")));
        store.enqueue(List.of(message(A, "k1"), message(A, "k2")));

        List<PendingDelivery> due = claimAll();

        assertThat(due).extracting(d -> d.message().org() + "/" + d.message().dedupeKey())
                .containsExactlyInAnyOrder(A + "/k1", B + "/k1", A + "/k2");
        assertThat(due).allSatisfy(d -> assertThat(d.attempts()).isZero());
        assertThat(due.get(0).message()).isEqualTo(message(A, "k1"));
    }

    @Test
    void aClaimedMessageIsLeasedAndComesBackWhenTheLeaseRunsOut() {
        store.enqueue(List.of(message(A, "k1")));
        Instant now = clock.instant();

        List<PendingDelivery> first = store.claimDue(now, 10, LEASE);
        assertThat(first).hasSize(1);
        assertThat(store.claimDue(now.plusSeconds(59), 10, LEASE)).isEmpty();

        List<PendingDelivery> again = store.claimDue(now.plus(LEASE), 10, LEASE);
        assertThat(again).extracting(PendingDelivery::id).containsExactly(first.get(0).id());
        assertThat(again.get(0).attempts()).isEqualTo(1);
    }

    @Test
    void claimingTakesAtMostTheLimitOldestFirst() {
        store.enqueue(List.of(message(A, "k1"), message(A, "k2"), message(A, "k3")));
        Instant now = clock.instant();

        assertThat(store.claimDue(now, 0, LEASE)).isEmpty();
        assertThat(dedupeKeys(store.claimDue(now, 2, LEASE))).containsExactly("k1", "k2");
        assertThat(dedupeKeys(store.claimDue(now, 2, LEASE))).containsExactly("k3");
    }

    @Test
    void aRetryWaitsUntilItsTime() {
        store.enqueue(List.of(message(A, "k1")));
        Instant now = clock.instant();
        long id = store.claimDue(now, 10, LEASE).get(0).id();
        Instant later = now.plus(Duration.ofMinutes(5));

        store.retryLater(id, later, "429");

        assertThat(store.claimDue(now.plus(LEASE), 10, LEASE)).isEmpty();
        List<PendingDelivery> retried = store.claimDue(later, 10, LEASE);
        assertThat(retried).extracting(PendingDelivery::id).containsExactly(id);
        assertThat(retried.get(0).notBefore()).isEqualTo(later);
        assertThat(retried.get(0).attempts()).isEqualTo(1);
    }

    @Test
    void aSentMessageIsNeverClaimedOrQueuedAgain() {
        store.enqueue(List.of(message(A, "k1")));
        long id = store.claimDue(clock.instant(), 10, LEASE).get(0).id();

        store.markSent(id);
        store.enqueue(List.of(message(A, "k1")));

        assertThat(store.claimDue(clock.instant().plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
    }

    @Test
    void aFailedMessageIsListedForItsOrganisationAndNotRetried() {
        store.enqueue(List.of(message(A, "k1"), message(B, "k2")));
        List<PendingDelivery> due = claimAll();

        store.markFailed(due.get(0).id(), "user blocked the bot");
        store.retryLater(due.get(0).id(), clock.instant(), "ignored after failing");

        assertThat(store.failed(A)).containsExactly(message(A, "k1"));
        assertThat(store.failed(B)).isEmpty();
        assertThat(store.claimDue(clock.instant().plus(Duration.ofDays(1)), 10, LEASE))
                .extracting(PendingDelivery::id).containsExactly(due.get(1).id());
    }

    @Test
    void aFailedMessageQueuedAgainUnderItsKeyIsTriedAfresh() {
        store.enqueue(List.of(message(A, "k1")));
        long id = claimAll().get(0).id();
        store.markFailed(id, "no conversation with the user yet");

        store.enqueue(List.of(message(A, "k1")));

        assertThat(store.failed(A)).isEmpty();
        List<PendingDelivery> again = claimAll();
        assertThat(again).extracting(PendingDelivery::id).containsExactly(id);
        assertThat(again.get(0).attempts()).isZero();
    }

    @Test
    void purgingRemovesOnlySentMessagesOlderThanTheCutoff() {
        store.enqueue(List.of(message(A, "old"), message(A, "new"), message(A, "pending")));
        List<PendingDelivery> due = claimAll();
        store.markSent(due.get(0).id());
        clock.advance(Duration.ofDays(10));
        store.markSent(due.get(1).id());

        assertThat(store.purgeSent(clock.instant().minus(Duration.ofDays(5)))).isEqualTo(1);

        store.enqueue(List.of(message(A, "old"), message(A, "new")));
        assertThat(dedupeKeys(store.claimDue(clock.instant(), 10, LEASE))).containsExactly("pending", "old");
    }

    // Deliveries

    @Test
    void aDeliveryIsFirstOnlyOncePerOrganisation() {
        assertThat(store.firstDelivery(A, "ev1")).isTrue();
        assertThat(store.firstDelivery(A, "ev1")).isFalse();
        assertThat(store.firstDelivery(B, "ev1")).isTrue();
        store.forgetDelivery(A, "ev1");
        assertThat(store.firstDelivery(A, "ev1")).as("forgotten after a failed handling").isTrue();
        assertThat(store.firstDelivery(B, "ev1")).isFalse();
    }

    @Test
    void oldDeliveriesArePurged() {
        store.firstDelivery(A, "old");
        clock.advance(Duration.ofDays(2));
        store.firstDelivery(A, "new");

        assertThat(store.purgeDeliveries(clock.instant().minus(Duration.ofDays(1)))).isEqualTo(1);

        assertThat(store.firstDelivery(A, "old")).isTrue();
        assertThat(store.firstDelivery(A, "new")).isFalse();
    }

    // Transcripts

    @Test
    void aTranscriptIsReadAfterASeqUpToALimit() {
        TranscriptEntry one = store.append(A, "D1", null, "one");
        TranscriptEntry two = store.append(A, "D1", null, "two");
        TranscriptEntry three = store.append(A, "D1", null, "three");
        store.append(A, "D2", null, "elsewhere");

        assertThat(one.seq()).isLessThan(two.seq());
        assertThat(store.transcript(A, "D1", 0, 10)).containsExactly(one, two, three);
        assertThat(store.transcript(A, "D1", one.seq(), 1)).containsExactly(two);
        assertThat(store.transcript(A, "D1", three.seq(), 10)).isEmpty();
        assertThat(store.transcript(A, "D1", 0, 0)).isEmpty();
    }

    @Test
    void aReplacementKeepsItsSeqAndIsReadAgainByWhoeverPollsPastIt() {
        TranscriptEntry question = store.append(A, "D1", "q", "question 1");
        TranscriptEntry note = store.append(A, "D1", null, "note");
        TranscriptEntry replaced = store.append(A, "D1", "q", "question 2");
        TranscriptEntry again = store.append(A, "D1", "q", "question 3");

        assertThat(List.of(replaced.seq(), again.seq())).containsOnly(question.seq());
        assertThat(store.transcript(A, "D1", 0, 10)).containsExactly(again, note);
        assertThat(store.transcript(A, "D1", note.seq(), 10)).extracting(TranscriptEntry::payload)
                .containsExactly("question 3");
        assertThat(store.transcript(A, "D1", question.seq(), 1)).extracting(TranscriptEntry::payload)
                .containsExactly("question 3", "note");
    }

    @Test
    void aRepostReplacesTheEntryAndMovesItToTheEnd() {
        TranscriptEntry question = store.append(A, "D1", "q", "question 1");
        TranscriptEntry note = store.append(A, "D1", null, "note");
        TranscriptEntry reposted = store.repost(A, "D1", "q", "question 2");

        assertThat(reposted.seq()).isGreaterThan(note.seq());
        assertThat(store.transcript(A, "D1", 0, 10)).containsExactly(note, reposted);
        assertThat(store.transcript(A, "D1", question.seq(), 10)).containsExactly(note, reposted);
    }

    @Test
    void transcriptsBelongToTheirOrganisation() {
        store.append(A, "D2", null, "x");
        store.append(A, "D1", "q", "x");
        store.append(B, "D1", "q", "y");
        store.append(B, "D3", null, "y");

        assertThat(store.conversations(A)).containsExactly("D1", "D2");
        assertThat(store.conversations(B)).containsExactly("D1", "D3");
        assertThat(store.transcript(A, "D1", 0, 10)).extracting(TranscriptEntry::payload).containsExactly("x");
        assertThat(store.transcript(A, "D3", 0, 10)).isEmpty();
    }

    @Test
    void aChannelPostKeepsWhoAskedForIt() {
        store.enqueue(List.of(new OutboxMessage(A, "channel", "C1", "{}", "post:1", "U0LEADER")));
        assertThat(store.claimDue(clock.instant(), 10, LEASE)).singleElement()
                .satisfies(d -> assertThat(d.message().requestedBy()).isEqualTo("U0LEADER"));
    }

    // Adapter state

    @Test
    void adapterStateIsKeptPerOrganisationAndNamespace() {
        store.putState(A, "slack.ts", "k", "1");
        store.putState(A, "slack.ts", "k", "2");
        store.putState(A, "teams.ref", "k", "ref");
        store.putState(B, "slack.ts", "k", "other");

        assertThat(store.state(A, "slack.ts", "k")).contains("2");
        assertThat(store.state(A, "teams.ref", "k")).contains("ref");
        assertThat(store.state(B, "slack.ts", "k")).contains("other");

        store.deleteState(A, "slack.ts", "k");

        assertThat(store.state(A, "slack.ts", "k")).isEmpty();
        assertThat(store.state(B, "slack.ts", "k")).contains("other");
    }

    // Helpers

    protected static NewMeasurement newMeasurement(OrgId org) {
        return new NewMeasurement(org, "Måling", Stage.OPSTART, LocalDate.of(2025, 3, 31), "C1", null,
                Map.of(Audience.LEDELSE, "hash-l", Audience.SAGSBEHANDLERE, "hash-s"), "coordinator", DAY);
    }

    /** Creates and opens a measurement; the first user is a leader, the others caseworkers. */
    protected int openMeasurement(OrgId org, String... userIds) {
        int m = store.createMeasurement(newMeasurement(org)).number();
        Map<String, RespondentRole> respondents = new LinkedHashMap<>();
        for (int i = 0; i < userIds.length; i++) {
            respondents.put(userIds[i], i == 0 ? RespondentRole.LEDER : RespondentRole.SAGSBEHANDLER);
        }
        store.addRespondents(org, m, respondents, List.of());
        assertThat(store.open(org, m, DAY, OrgSettings.DEFAULTS, List.of(message(org, "invite-" + m + "-" + userIds[0])))).isTrue();
        return m;
    }

    protected static Submission submission(ReportGroup group) {
        return new Submission(group, group == ReportGroup.LEDELSE ? "hash-l" : "hash-s",
                Map.of("i1", 4, "i2", 2), Map.of("t1", "Fint"));
    }

    protected static OutboxMessage invitation(OrgId org, String userId, String dedupeKey) {
        return new OutboxMessage(org, "direct", userId, "{\"blocks\":[]}", dedupeKey);
    }

    protected static OutboxMessage message(OrgId org, String dedupeKey) {
        return new OutboxMessage(org, "direct", "U1", "{\"blocks\":[]}", dedupeKey);
    }

    private List<PendingDelivery> claimAll() {
        return store.claimDue(clock.instant(), 100, LEASE);
    }

    private static List<String> dedupeKeys(List<PendingDelivery> due) {
        return due.stream().map(d -> d.message().dedupeKey()).toList();
    }
}
