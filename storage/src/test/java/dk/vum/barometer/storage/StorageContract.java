package dk.vum.barometer.storage;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.ReportGroup;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.model.Submission;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.PendingDelivery;
import dk.vum.barometer.core.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every store's contract shares: two organisations, a clock, a fresh empty store per test and the
 * helpers that set up a round. Each narrow store has a contract of its own ({@link OrganisationStoreContract},
 * {@link MeasurementStoreContract}, {@link ResponseStoreContract}, {@link OutboxStoreContract},
 * {@link DeliveryLogContract}, {@link TranscriptStoreContract}, {@link AdapterStateStoreContract}); a
 * database's test runs each of them, nested, and says how to make a fresh, empty store.
 */
public abstract class StorageContract {

    protected static final OrgId A = new OrgId("slack:TA");
    protected static final OrgId B = new OrgId("teams:tenant-b");
    protected static final LocalDate DAY = LocalDate.of(2025, 3, 12);
    private static final Instant T0 = Instant.parse("2025-03-12T09:00:00Z");
    protected static final Duration LEASE = Duration.ofMinutes(1);

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

    protected List<PendingDelivery> claimAll() {
        return store.claimDue(clock.instant(), 100, LEASE);
    }

    protected static List<String> dedupeKeys(List<PendingDelivery> due) {
        return due.stream().map(d -> d.message().dedupeKey()).toList();
    }
}
