package dk.vum.barometer.app;

import dk.vum.barometer.core.chat.Address;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Inbound;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.command.CommandWord;
import dk.vum.barometer.core.model.MeasurementStatus;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

import static dk.vum.barometer.app.TestChat.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command, in every role, with missing, malformed and hostile arguments: each gets a clear answer,
 * never the "something went wrong" reply of an unexpected error.
 */
class CommandRobustnessTest {

    static final List<String> ARGUMENTS = List.of("", "1", "99", "-1", "abc", "@nobody", "#", "@", "m",
            "1 2 3", "\"", "\"\"", "2026-02-30", "31-12-1999", "opstart", "forankring 01-01-2999 #x \"Navn\"",
            "1 leder", "1 leder @anna", "1 tovholder @anna", "minimum 2", "minimum 1000000", "kommentarminimum 4",
            "alle", "1 #team-nord", "da", "xx", "<!channel> <@U1> <https://evil|klik>", "9999999999", "٣");

    @TempDir
    Path data;
    BarometerApp app;
    TestChat chat;

    @BeforeEach
    void start() {
        app = new BarometerApp(AppConfig.forTest(data).withDemo(true),
                new MutableClock(ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BarometerApp.ZONE)));
        chat = new TestChat(app.bot(), app.store(), DemoSeed.ORG);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void everyCommandAnswersClearlyForEveryRole() {
        chat.say("tina", "ny \"Første\" opstart 11-12-2026 #team-nord");
        tryEverything("anna");
        tryEverything("lars");
        // Nothing a caseworker or team leader typed changed roles, settings or the measurement.
        assertThat(app.store().roles(DemoSeed.ORG, "anna")).isEmpty();
        assertThat(app.store().roles(DemoSeed.ORG, "lars")).isEmpty();
        assertThat(app.store().teams().teamsLedBy(DemoSeed.ORG, "lars")).containsExactly("team-nord");
        assertThat(app.store().settings(DemoSeed.ORG)).isEqualTo(OrgSettings.DEFAULTS);
        assertThat(app.store().measurements(DemoSeed.ORG)).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MeasurementStatus.DRAFT));
        assertThat(app.store().respondents(DemoSeed.ORG, 1)).isEmpty();
        tryEverything("tina");
        assertThat(app.store().settings(DemoSeed.ORG).minGroupForScores()).isGreaterThanOrEqualTo(OrgSettings.ABSOLUTE_MIN);
    }

    private void tryEverything(String user) {
        for (CommandWord word : CommandWord.values()) {
            for (String args : ARGUMENTS) {
                for (String spelling : List.of(word.danish(), word.english())) {
                    String input = (spelling + " " + args).strip();
                    List<Message> replies = chat.say(user, input);
                    assertThat(replies).as(user + ": " + input).isNotEmpty();
                    assertThat(text(replies)).as(user + ": " + input).doesNotContain("noget gik galt");
                    assertThat(text(chat.sayIn("team-nord", user, input))).as(user + " in channel: " + input)
                            .doesNotContain("noget gik galt");
                }
            }
        }
    }

    @Test
    void helpListsOnlyWhatTheRoleMayUse() {
        assertThat(text(chat.say("anna", "hjælp"))).contains("besvar", "sprog").doesNotContain("ny (new)", "luk (close)");
        assertThat(text(chat.say("lars", "help"))).contains("rapport (report)", "del (post)").doesNotContain("luk (close)");
        assertThat(text(chat.say("tina", "hjælp"))).contains("ny (new)", "luk (close)", "status (status)");
        assertThat(text(chat.say("anna", "hvad nu?"))).contains("Det forstod jeg ikke", "hjælp (help)").doesNotContain("hvad nu");
    }

    @Test
    void onlyTheHolderOfTheSetupCodeBecomesTheCoordinatorOfANewOrganisation() {
        OrgId fresh = OrgId.of(Platform.LOCAL, "ny-kommune");
        TestChat other = new TestChat(app.bot(), app.store(), fresh);
        assertThat(text(other.say("pia", "ny \"X\" opstart 11-12-2026"))).contains("ingen tovholder", "opsæt");
        assertThat(text(other.say("ole", "opsæt"))).contains("opsæt <kode>", "setup-code.txt", "Intet er ændret");
        assertThat(text(other.say("ole", "opsæt forkertkode"))).contains("Koden passer ikke");
        assertThat(app.store().roleHolders(fresh)).isEmpty();
        String setup = SetupCodeFile.setup(data);
        assertThat(text(other.say("pia", setup))).contains("Du er nu tovholder");
        assertThat(SetupCodeFile.setup(data)).as("a used code is replaced by a new one").isNotEqualTo(setup);
        TestChat third = new TestChat(app.bot(), app.store(), OrgId.of(Platform.LOCAL, "tredje-kommune"));
        assertThat(text(third.say("eve", setup))).as("the used code").contains("Koden passer ikke");
        assertThat(text(other.say("ole", "setup"))).contains("allerede sat op");
        assertThat(text(other.say("ole", "ny \"X\" opstart 11-12-2026"))).contains("Kun tovholdere");
        assertThat(text(other.say("pia", "rolle @ole teamleder"))).contains("teamleder");
        assertThat(app.store().roles(fresh, "ole")).containsExactly(Role.TEAM_LEADER);
        assertThat(text(other.say("pia", "fjern-rolle @pia tovholder"))).contains("mindst én tovholder");
        // The demo organisation is untouched by all this.
        assertThat(app.store().roles(DemoSeed.ORG, "pia")).isEmpty();
    }

    @Test
    void aQuestionnaireIsNeverAnsweredInAChannel() {
        chat.say("tina", "ny \"Kanal\" opstart 11-12-2026 #team-nord");
        chat.say("tina", "tilføj 1 sagsbehandler @anna");
        chat.say("tina", "start 1");
        app.dispatcher().drain();
        // "besvar" in a channel: the question goes to Anna's direct conversation, the channel hears only that.
        assertThat(text(chat.sayIn("team-nord", "anna", "besvar"))).contains("private samtale");
        app.dispatcher().drain();
        assertThat(TestChat.question(chat.inbox("anna")).number()).isEqualTo(1);
        assertThat(chat.conversation("team-nord")).isEmpty();
        // A questionnaire button pressed in a channel is refused and changes nothing.
        Block.Button answer = TestChat.answerButton(chat.inbox("anna"), 4);
        var inChannel = new Address(DemoSeed.ORG, "team-nord", false, "anna", null);
        assertThat(text(app.bot().handle(new Inbound.ButtonInput(inChannel, "b1", answer.action(), answer.value()))))
                .contains("kun i din private samtale");
        assertThat(app.store().draft(DemoSeed.ORG, 1, "anna").orElseThrow().state()).doesNotContain("\"answers\":{\"");
        // A respondent typing "start" (the invitation's button) gets their questionnaire, not a refusal.
        assertThat(TestChat.question(chat.say("anna", "start")).number()).isEqualTo(1);
    }

    @Test
    void englishSpeakersGetEnglish() {
        assertThat(text(chat.say("anna", "language en"))).contains("English");
        assertThat(text(chat.say("anna", "help"))).contains("show this help");
        assertThat(text(chat.say("anna", "sprog da"))).contains("dansk");
    }
}
