package dk.vum.barometer.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.vum.barometer.app.teams.TeamsClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.vum.barometer.app.TeamsRoundTest.card;
import static dk.vum.barometer.app.TeamsRoundTest.id;
import static dk.vum.barometer.app.TeamsRoundTest.name;
import static dk.vum.barometer.app.teams.BotFrameworkStub.submitData;
import static dk.vum.barometer.app.teams.TeamsClient.personalConversation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up loop in Microsoft Teams, through Bot Framework activities against the Bot Connector stub:
 * a team leader scoped to one channel is refused another team's measurement; a check question posted as a
 * card in the team channel is answered there by the team leader pressing its button (one card for every
 * member: the button carries no user), refused to a member outside the implementation group, and shown
 * by "tjekliste status".
 */
class TeamsFollowUpTest extends TeamsHost {

    static final String NORD = "19:nord@thread.tacv2";
    static final String SYD = "19:syd@thread.tacv2";

    @Override
    String tenant() {
        return TeamsRoundTest.TENANT;
    }

    @Test
    void aCheckQuestionIsAnsweredInTheTeamChannel() throws Exception {
        for (String user : List.of("tina", "lars", "eve")) teams.post(teams.installPersonal(id(user), name(user)));
        teams.post(teams.installInTeam(NORD, "Team Nord", id("tina"), name("tina")));
        teams.post(teams.installInTeam(SYD, "Team Syd", id("tina"), name("tina")));
        stub.awaitCalls(5);

        assertThat(say("tina", SetupCodeFile.setup(data))).contains("tovholder");
        assertThat(say("tina", "rolle @" + id("lars") + " teamleder #" + NORD)).contains("teamleder for");
        say("tina", "ny \"Syd\" opstart 11-12-2026 #" + SYD);
        assertThat(say("lars", "rapport 1")).contains("hører til et team, du ikke er teamleder for");
        assertThat(say("lars", "tjekliste 3 #" + SYD)).contains("ikke teamleder for");

        say("lars", "tjekliste 3 #" + NORD);
        int before = stub.calls().size();
        app.dispatcher().drain();
        stub.awaitCalls(before + 1);
        JsonNode post = stub.calls().get(before).card();
        assertThat(TeamsClient.text(post)).contains("Ikke anonymt");
        String cardId = last(NORD).path("id").asText();

        assertThat(pressInChannel("eve", cardId, answer(post, "3|JA"))).contains("Kun implementeringsgruppen");
        assertThat(pressInChannel("lars", cardId, answer(post, "3|DELVIS"))).contains("svarede “Delvis” på tjekspørgsmål 3");
        assertThat(say("lars", "tjekliste status #" + NORD)).contains("Forandringsledelse: Delvis – " + name("lars"));

        // As Teams sends a press on a shared card in a channel: an adaptiveCard/action invoke (Action.Execute),
        // answered in the invoke's response; the answer is changed once, however often it comes.
        ObjectNode ja = answer(post, "3|JA");
        for (int press = 0; press < 2; press++) {
            JsonNode invoked = teams.postForAnswer(teams.universalAction(NORD, id("lars"), name("lars"), "checklist.answer", ja));
            assertThat(invoked.path("statusCode").asInt()).isEqualTo(200);
            assertThat(invoked.toString()).contains("svarede “Ja” på tjekspørgsmål 3");
        }
        assertThat(say("lars", "tjekliste status #" + NORD)).contains("Forandringsledelse: Ja – " + name("lars"));
        assertThat(teams.postForAnswer(teams.universalAction(NORD, id("eve"), name("eve"), "checklist.answer", answer(post, "3|NEJ"))).toString())
                .contains("Kun implementeringsgruppen");
        assertThat(say("lars", "tjekliste status #" + NORD)).contains("Forandringsledelse: Ja – " + name("lars"));
    }

    static ObjectNode answer(JsonNode card, String value) {
        return submitData(card, a -> a.path("data").path("action").asText().equals("checklist.answer")
                && a.path("data").path("value").asText().equals(value));
    }

    JsonNode last(String conversation) {
        List<JsonNode> shown = stub.conversation(conversation);
        return shown.get(shown.size() - 1);
    }

    /** Presses a button of the channel card; returns the text of the bot's reply in the card's thread. */
    String pressInChannel(String user, String cardId, ObjectNode data) throws InterruptedException {
        int before = stub.calls().size();
        assertThat(teams.post(teams.submitInChannel(NORD, id(user), name(user), cardId, data))).isEqualTo(200);
        stub.awaitCalls(before + 1);
        return TeamsClient.text(stub.calls().get(before).card());
    }

    String say(String user, String text) throws InterruptedException {
        int before = stub.calls().size();
        assertThat(teams.post(teams.message(id(user), name(user), text))).isEqualTo(200);
        stub.awaitCalls(before + 1);
        return TeamsClient.text(card(last(personalConversation(id(user)))));
    }
}
