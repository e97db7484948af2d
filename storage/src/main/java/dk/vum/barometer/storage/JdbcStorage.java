package dk.vum.barometer.storage;

import com.zaxxer.hikari.HikariDataSource;
import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.Draft;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Respondent;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.ResponseCounts;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.model.StoredComment;
import dk.vum.barometer.core.model.StoredResponse;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.model.SubmitResult;
import dk.vum.barometer.core.model.UserProfile;
import dk.vum.barometer.core.store.ActivityStore;
import dk.vum.barometer.core.store.ChecklistAnswerStore;
import dk.vum.barometer.core.store.InstallationStore;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.files.HostedFile;
import dk.vum.barometer.core.store.PendingDelivery;
import dk.vum.barometer.core.store.RhythmStore;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.core.store.TeamStore;
import dk.vum.barometer.core.store.TranscriptEntry;
import org.flywaydb.core.Flyway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link Storage} on a JDBC database: migrates the schema on start, then hands each port to its
 * store. A database brings its {@link Dialect}, pool settings, migrations and the way it keeps
 * anonymity at rest ({@link AnonymityAtRest}).
 * The clock stamps housekeeping times only (sent messages, deliveries), never a response.
 */
public class JdbcStorage implements Storage {

    private final HikariDataSource dataSource;
    private final Jdbc jdbc;
    private final JdbcOrganisationStore organisations;
    private final JdbcMeasurementStore measurements;
    private final JdbcResponseStore responses;
    private final JdbcOutboxStore outbox;
    private final JdbcDeliveryLog deliveries;
    private final JdbcTranscriptStore transcripts;
    private final JdbcAdapterStateStore adapterState;
    private final JdbcHostedFileStore files;
    private final JdbcTeamStore teams;
    private final JdbcChecklistAnswerStore checklistAnswers;
    private final JdbcActivityStore activities;
    private final JdbcRhythmStore rhythms;
    private final JdbcInstallationStore installations;

    /** Takes ownership of the pool: closes it if migration fails, and on {@link #close()}. */
    protected JdbcStorage(HikariDataSource dataSource, Dialect dialect, AnonymityAtRest atRest, Clock clock) {
        this.dataSource = dataSource;
        try {
            Flyway.configure().dataSource(dataSource).locations(dialect.migrations()).failOnMissingLocations(true)
                    .load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.jdbc = new Jdbc(dataSource, dialect);
        this.organisations = new JdbcOrganisationStore(jdbc);
        this.measurements = new JdbcMeasurementStore(jdbc, atRest.handover);
        this.responses = new JdbcResponseStore(jdbc, atRest);
        this.outbox = new JdbcOutboxStore(jdbc, clock);
        this.deliveries = new JdbcDeliveryLog(jdbc, atRest.cipher, clock);
        this.transcripts = new JdbcTranscriptStore(jdbc, atRest.cipher);
        this.adapterState = new JdbcAdapterStateStore(jdbc);
        this.files = new JdbcHostedFileStore(jdbc);
        this.teams = new JdbcTeamStore(jdbc);
        this.checklistAnswers = new JdbcChecklistAnswerStore(jdbc);
        this.activities = new JdbcActivityStore(jdbc);
        this.rhythms = new JdbcRhythmStore(jdbc);
        this.installations = new JdbcInstallationStore(jdbc);
        responses.upgradeOldDrafts();
        transcripts.encryptOldMessages();
    }

    // The follow-up stores: narrow ports of their own, handed out rather than added to the facade.

    public TeamStore teams() {
        return teams;
    }

    public ChecklistAnswerStore checklistAnswers() {
        return checklistAnswers;
    }

    public ActivityStore activities() {
        return activities;
    }

    public RhythmStore rhythms() {
        return rhythms;
    }

    /** OAuth installations of the bot (Slack), their tokens sealed by the adapter. */
    public InstallationStore installations() {
        return installations;
    }

    @Override
    public void close() {
        jdbc.release();
        dataSource.close();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbc.unit(work);
    }

    // Organisations

    @Override
    public List<OrgId> organisations() {
        return organisations.organisations();
    }

    @Override
    public boolean ensureOrganisation(OrgId org, String name) {
        return organisations.ensureOrganisation(org, name);
    }

    @Override
    public void upsertUser(OrgId org, String userId, String displayName) {
        organisations.upsertUser(org, userId, displayName);
    }

    @Override
    public void setLanguage(OrgId org, String userId, Language language) {
        organisations.setLanguage(org, userId, language);
    }

    @Override
    public Optional<UserProfile> user(OrgId org, String userId) {
        return organisations.user(org, userId);
    }

    @Override
    public List<UserProfile> users(OrgId org) {
        return organisations.users(org);
    }

    @Override
    public boolean claimFirstCoordinator(OrgId org, String userId) {
        return organisations.claimFirstCoordinator(org, userId);
    }

    @Override
    public void grantRole(OrgId org, String userId, Role role) {
        organisations.grantRole(org, userId, role);
    }

    @Override
    public void revokeRole(OrgId org, String userId, Role role) {
        organisations.revokeRole(org, userId, role);
    }

    @Override
    public Set<Role> roles(OrgId org, String userId) {
        return organisations.roles(org, userId);
    }

    @Override
    public Map<String, Set<Role>> roleHolders(OrgId org) {
        return organisations.roleHolders(org);
    }

    @Override
    public OrgSettings settings(OrgId org) {
        return organisations.settings(org);
    }

    @Override
    public void saveSettings(OrgId org, OrgSettings settings) {
        organisations.saveSettings(org, settings);
    }

    // Measurements

    @Override
    public void saveContent(String hash, String json) {
        measurements.saveContent(hash, json);
    }

    @Override
    public Optional<String> content(String hash) {
        return measurements.content(hash);
    }

    @Override
    public Measurement createMeasurement(NewMeasurement measurement) {
        return measurements.createMeasurement(measurement);
    }

    @Override
    public Optional<Measurement> measurement(OrgId org, int number) {
        return measurements.measurement(org, number);
    }

    @Override
    public List<Measurement> measurements(OrgId org) {
        return measurements.measurements(org);
    }

    @Override
    public List<String> addRespondents(OrgId org, int measurement, Map<String, RespondentRole> respondents,
                                       List<OutboxMessage> invitations) {
        return measurements.addRespondents(org, measurement, respondents, invitations);
    }

    @Override
    public List<Respondent> respondents(OrgId org, int measurement) {
        return measurements.respondents(org, measurement);
    }

    @Override
    public Optional<Respondent> respondent(OrgId org, int measurement, String userId) {
        return measurements.respondent(org, measurement, userId);
    }

    @Override
    public List<Respondent> openQuestionnaires(OrgId org, String userId) {
        return measurements.openQuestionnaires(org, userId);
    }

    @Override
    public List<ResponseCounts> responseCounts(OrgId org, int measurement) {
        return measurements.responseCounts(org, measurement);
    }

    @Override
    public boolean open(OrgId org, int measurement, LocalDate openedOn, OrgSettings thresholds,
                        List<OutboxMessage> invitations) {
        return measurements.open(org, measurement, openedOn, thresholds, invitations);
    }

    @Override
    public boolean close(OrgId org, int measurement) {
        return measurements.close(org, measurement);
    }

    @Override
    public boolean rename(OrgId org, int measurement, String name) {
        return measurements.rename(org, measurement, name);
    }

    @Override
    public boolean deleteDraft(OrgId org, int measurement) {
        return measurements.deleteDraft(org, measurement);
    }

    @Override
    public boolean removeRespondent(OrgId org, int measurement, String userId) {
        return measurements.removeRespondent(org, measurement, userId);
    }

    @Override
    public boolean changeDeadline(OrgId org, int measurement, LocalDate deadline) {
        return measurements.changeDeadline(org, measurement, deadline);
    }

    @Override
    public boolean recordAutomaticReminder(OrgId org, int measurement, int expectedSent, int newSent,
                                           List<OutboxMessage> reminders) {
        return measurements.recordAutomaticReminder(org, measurement, expectedSent, newSent, reminders);
    }

    // Responses

    @Override
    public Optional<Draft> draft(OrgId org, int measurement, String userId) {
        return responses.draft(org, measurement, userId);
    }

    @Override
    public List<String> drafting(OrgId org, int measurement) {
        return responses.drafting(org, measurement);
    }

    @Override
    public boolean saveDraft(OrgId org, int measurement, String userId, String state, long expectedVersion) {
        return responses.saveDraft(org, measurement, userId, state, expectedVersion);
    }

    @Override
    public SubmitResult submit(OrgId org, int measurement, String userId, Submission submission) {
        return responses.submit(org, measurement, userId, submission);
    }

    @Override
    public int mixSealed() {
        return responses.mixSealed();
    }

    @Override
    public List<StoredResponse> responses(OrgId org, int measurement) {
        return responses.responses(org, measurement);
    }

    @Override
    public List<StoredComment> comments(OrgId org, int measurement) {
        return responses.comments(org, measurement);
    }

    // Outbox

    @Override
    public void enqueue(List<OutboxMessage> messages) {
        outbox.enqueue(messages);
    }

    @Override
    public int queuedAlready(OrgId org, Collection<String> dedupeKeys) {
        return outbox.queuedAlready(org, dedupeKeys);
    }

    @Override
    public List<PendingDelivery> claimDue(Instant now, int limit, Duration leaseFor) {
        return outbox.claimDue(now, limit, leaseFor);
    }

    @Override
    public void markSent(long id) {
        outbox.markSent(id);
    }

    @Override
    public void retryLater(long id, Instant notBefore, String error) {
        outbox.retryLater(id, notBefore, error);
    }

    @Override
    public void markFailed(long id, String error) {
        outbox.markFailed(id, error);
    }

    @Override
    public List<OutboxMessage> failed(OrgId org) {
        return outbox.failed(org);
    }

    @Override
    public int purgeSent(Instant olderThan) {
        return outbox.purgeSent(olderThan);
    }

    // Deliveries

    @Override
    public boolean firstDelivery(OrgId org, String deliveryId) {
        return deliveries.firstDelivery(org, deliveryId);
    }

    @Override
    public void forgetDelivery(OrgId org, String deliveryId) {
        deliveries.forgetDelivery(org, deliveryId);
    }

    @Override
    public int purgeDeliveries(Instant olderThan) {
        return deliveries.purgeDeliveries(olderThan);
    }

    // Transcripts

    @Override
    public TranscriptEntry append(OrgId org, String conversationId, String replaceKey, String payload) {
        return transcripts.append(org, conversationId, replaceKey, payload);
    }

    @Override
    public TranscriptEntry repost(OrgId org, String conversationId, String replaceKey, String payload) {
        return transcripts.repost(org, conversationId, replaceKey, payload);
    }

    @Override
    public List<TranscriptEntry> transcript(OrgId org, String conversationId, long afterSeq, int limit) {
        return transcripts.transcript(org, conversationId, afterSeq, limit);
    }

    @Override
    public List<String> conversations(OrgId org) {
        return transcripts.conversations(org);
    }

    // Adapter state

    @Override
    public void putState(OrgId org, String namespace, String key, String value) {
        adapterState.putState(org, namespace, key, value);
    }

    @Override
    public Optional<String> state(OrgId org, String namespace, String key) {
        return adapterState.state(org, namespace, key);
    }
    @Override
    public Set<String> stateKeys(OrgId org, String namespace) {
        return adapterState.stateKeys(org, namespace);
    }


    @Override
    public void deleteState(OrgId org, String namespace, String key) {
        adapterState.deleteState(org, namespace, key);
    }

    // Hosted files

    @Override
    public void saveFile(HostedFile file) {
        files.saveFile(file);
    }

    @Override
    public Optional<HostedFile> file(String token, Instant now) {
        return files.file(token, now);
    }

    @Override
    public int purgeFiles(Instant now) {
        return files.purgeFiles(now);
    }
}
