package dk.vum.barometer.app;

import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.storage.sqlite.SqliteStorage;
import org.junit.jupiter.api.AfterEach;
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

/**
 * The database refuses a write in the middle of a click (here a trigger on the drafts, as a full disk or a
 * broken file would): the person is told that nothing changed and to try again, nothing of the click is
 * kept, and the same click delivered again once the database works is handled as if it came first.
 */
class DatabaseFailureTest {

    @TempDir
    Path data;
    BarometerApp app;

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aClickTheDatabaseRefusesChangesNothingAndItsRedeliveryIsHandled() throws SQLException {
        app = new BarometerApp(AppConfig.forTest(data).withDemo(true).withOutboxInterval(Duration.ofHours(1)),
                new MutableClock(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BarometerApp.ZONE)));
        TestChat chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
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

    /** A statement on the database file from outside the bot, as an operator (or a failing disk) would. */
    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteStorage.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute(statement);
        }
    }
}
