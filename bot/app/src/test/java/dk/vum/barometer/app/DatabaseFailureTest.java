package dk.vum.barometer.app;

import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.storage.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import static dk.vum.barometer.app.TestChat.answerButton;
import static dk.vum.barometer.app.TestChat.button;
import static dk.vum.barometer.app.TestChat.question;
import static dk.vum.barometer.app.TestChat.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database refuses a write in the middle of some work (here a trigger, as a full disk or a broken file
 * would): nothing of that work is kept. A person's click is answered with "nothing changed, try again", and
 * the same click delivered again once the database works is handled as if it came first; background work
 * is done whole by its next run.
 */
class DatabaseFailureTest {

    @TempDir
    Path data;
    BarometerApp app;

    @AfterEach
    void stop() {
        app.close();
    }

    MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BarometerApp.ZONE));
    TestChat chat;

    @BeforeEach
    void boot() {
        app = new BarometerApp(AppConfig.forTest(data).withDemo(true).withOutboxInterval(Duration.ofHours(1)), clock);
        chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
    }

    @Test
    void aClickTheDatabaseRefusesChangesNothingAndItsRedeliveryIsHandled() throws SQLException {
        chat.say("tina", "ny \"Fejl\" opstart 11.12.2026 #team-nord");
        chat.say("tina", "tilføj 1 sagsbehandler @anna");
        chat.say("tina", "start 1");
        app.dispatcher().drain();
        List<Message> first = chat.press("anna", button(chat.inbox("anna"), "q.start"));
        Block.Button agree = answerButton(first, 4);

        sql("CREATE TRIGGER refuse_drafts BEFORE UPDATE ON drafts BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
        assertThat(text(chat.press("anna", agree, "click-1"))).contains("noget gik galt", "Intet er ændret");
        assertThat(app.store().draft(DemoSeed.ORG, 1, "anna").orElseThrow().version()).as("the draft as before").isEqualTo(1);

        sql("DROP TRIGGER refuse_drafts");
        List<Message> next = chat.press("anna", agree, "click-1");
        assertThat(question(next).number()).as("the same click, redelivered, is handled").isEqualTo(2);
        assertThat(chat.press("anna", agree, "click-1")).as("and only once").isEmpty();
    }

    /**
     * A team's repeated round is claimed, created, started and announced in one unit: when the database
     * refuses the announcement, no round was started and the repetition is not used up, so the next run
     * starts it, once.
     */
    @Test
    void aRepeatedRoundIsStartedWholeOrNotAtAll() throws SQLException {
        chat.say("tina", "ny \"Syd\" opstart 11.12.2026 #team-syd");
        chat.say("tina", "tilføj 1 sagsbehandler @anna @bo");
        chat.say("tina", "start 1");
        chat.say("tina", "luk 1 bekræft");
        assertThat(text(chat.say("lene", "rytme gentag 1"))).contains("#team-syd");
        clock.set(ZonedDateTime.of(2027, 1, 4, 10, 0, 0, 0, BarometerApp.ZONE));

        sql("CREATE TRIGGER refuse_announcement BEFORE INSERT ON outbox WHEN NEW.dedupe_key LIKE 'rhythm:repeat:%' "
                + "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
        assertThatThrownBy(app::runFollowUp).hasMessageContaining("database");
        assertThat(app.store().measurements(DemoSeed.ORG)).as("no round started halfway").hasSize(1);

        sql("DROP TRIGGER refuse_announcement");
        app.runFollowUp();
        app.runFollowUp();
        assertThat(app.store().measurements(DemoSeed.ORG)).as("started by the next run, once").hasSize(2);
        assertThat(app.store().measurement(DemoSeed.ORG, 2).orElseThrow().isOpen()).isTrue();
        assertThat(app.store().queuedAlready(DemoSeed.ORG, List.of("rhythm:repeat:2"))).isEqualTo(1);
    }

    /** A statement on the database file from outside the bot, as an operator (or a failing disk) would. */
    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteStorage.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute(statement);
        }
    }
}
