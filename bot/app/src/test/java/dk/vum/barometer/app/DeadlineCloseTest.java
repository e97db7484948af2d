package dk.vum.barometer.app;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.access.Channels;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.NewMeasurement;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.RespondentRole;
import dk.vum.barometer.core.rounds.DeadlineCloser;
import dk.vum.barometer.core.rounds.RoundCloser;
import dk.vum.barometer.core.store.OutboxMessage;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.storage.sqlite.SqliteStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A round closed by its deadline and the notices of that close commit together: when queueing the
 * coordinator's notice fails, the round is still open and nobody was told; the next run closes it and tells.
 */
class DeadlineCloseTest {

    private static final OrgId ORG = new OrgId("local:demo");

    @TempDir
    Path data;

    @Test
    void theCloseAndItsNoticesCommitTogether() {
        try (Storage real = SqliteStorage.open(data)) {
            real.ensureOrganisation(ORG, "Demo");
            int m = real.createMeasurement(new NewMeasurement(ORG, "Frist", Stage.OPSTART, LocalDate.of(2026, 12, 1), "team-nord",
                    null, Map.of(Audience.SAGSBEHANDLERE, "hash-s"), "tina", LocalDate.of(2026, 11, 20))).number();
            real.addRespondents(ORG, m, Map.of("anna", RespondentRole.SAGSBEHANDLER), List.of());
            assertThat(real.open(ORG, m, LocalDate.of(2026, 11, 20), OrgSettings.DEFAULTS, List.of())).isTrue();
            real.saveDraft(ORG, m, "anna", "{}", 0);
            MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 12, 2, 0, 5, 0, 0, BarometerApp.ZONE));

            Storage failingNotice = failingToQueue(real, "deadline-closed:");
            assertThatThrownBy(() -> closer(failingNotice, clock).runDue()).hasMessageContaining("queue refused");
            assertThat(real.measurement(ORG, m).orElseThrow().status()).as("rolled back").isEqualTo(MeasurementStatus.OPEN);
            assertThat(real.draft(ORG, m, "anna")).as("the draft was not deleted").isPresent();
            assertThat(real.queuedAlready(ORG, List.of("closed:" + m + ":anna"))).as("anna was not told").isZero();

            assertThat(closer(real, clock).runDue()).isEqualTo(1);
            assertThat(real.measurement(ORG, m).orElseThrow().status()).isEqualTo(MeasurementStatus.CLOSED);
            assertThat(real.queuedAlready(ORG, List.of("deadline-closed:" + m, "closed:" + m + ":anna"))).isEqualTo(2);
        }
    }

    private static DeadlineCloser closer(Storage store, MutableClock clock) {
        Directory directory = new Directory(store, Channels.NONE);
        return new DeadlineCloser(store, store, store, store, new RoundCloser(store, store, store, directory), directory,
                clock, BarometerApp.ZONE);
    }

    /** The store, except that queueing a message whose key starts with {@code prefix} fails. */
    private static Storage failingToQueue(Storage store, String prefix) {
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[]{Storage.class}, (proxy, method, args) -> {
            if (method.getName().equals("enqueue") && ((List<?>) args[0]).stream()
                    .anyMatch(o -> ((OutboxMessage) o).dedupeKey().startsWith(prefix))) {
                throw new IllegalStateException("queue refused");
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
