package dk.vum.barometer.app;

import com.fasterxml.jackson.databind.JsonNode;
import dk.vum.barometer.app.teams.BotFrameworkStub;
import dk.vum.barometer.app.teams.BotFrameworkStub.Member;
import dk.vum.barometer.app.teams.TeamsClient;
import dk.vum.barometer.core.access.Reachability;
import dk.vum.barometer.core.chat.Destination;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.model.UserProfile;
import dk.vum.barometer.core.outbox.Outbox;
import dk.vum.barometer.teams.TeamsPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dk.vum.barometer.app.teams.TeamsClient.personalConversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reaching a whole team against the Bot Connector stub: the roster is paged through when the app is added
 * to a team (with a short welcome instead of the help, the channels with their names), when members join,
 * and when someone is mentioned whom the bot cannot reach yet; members who leave and everyone when the app
 * leaves the team are forgotten. A stored personal conversation that Teams no longer finds (404) is opened
 * again once; when that fails too, the person is named as unreachable.
 */
class TeamsRosterTest extends TeamsHost {

    static final String TENANT = "tenant-vest";
    static final OrgId ORG = OrgId.of(Platform.TEAMS, TENANT);
    static final String TEAM = "19:vest-general@thread.tacv2";
    static final String PLANNING = "19:vest-plan@thread.tacv2";

    Reachability reachability;

    @Override
    String tenant() {
        return TENANT;
    }

    @Override
    boolean checksPacing() {
        return true;
    }

    @BeforeEach
    void reachability() {
        reachability = TeamsPlugin.reachability(app.store());
    }

    /** Five colleagues with long names, listed two a page. */
    static List<Member> staff(int count) {
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) members.add(new Member("29:vest-" + i, "Medarbejder " + i + " Vest"));
        return members;
    }

    static List<String> ids(List<Member> members) {
        return members.stream().map(Member::id).toList();
    }

    void installInTeam() throws InterruptedException {
        Map<String, String> channels = new LinkedHashMap<>();
        channels.put(TEAM, null);
        channels.put(PLANNING, "Planlægning");
        stub.channels(TEAM, channels);
        int before = stub.calls().size();
        assertThat(teams.post(teams.installInTeam(TEAM, "Team Vest", "29:tina", "Tina"))).isEqualTo(200);
        stub.awaitCalls(before + 1);
    }

    @Test
    void addingTheAppToATeamReadsEveryRosterPageNamesTheChannelsAndWelcomesTheTeam() throws Exception {
        List<Member> members = staff(5);
        stub.roster(TEAM, members, 2);
        assertThat(reachability.unreachable(ORG, ids(members))).hasSize(5);

        installInTeam();

        assertThat(stub.reads()).extracting(BotFrameworkStub.Call::path).containsSubsequence(
                "/v3/teams/" + TEAM + "/conversations",
                "/v3/conversations/" + TEAM + "/pagedmembers",
                "/v3/conversations/" + TEAM + "/pagedmembers?continuationToken=2",
                "/v3/conversations/" + TEAM + "/pagedmembers?continuationToken=4");
        assertThat(reachability.unreachable(ORG, ids(members))).isEmpty();
        assertThat(app.store().users(ORG)).extracting(UserProfile::displayName).contains("Medarbejder 5 Vest");
        // One welcome in the channel, not the coordinator's help.
        BotFrameworkStub.Call welcome = stub.calls().get(0);
        assertThat(welcome.conversationId()).isEqualTo(TEAM);
        assertThat(TeamsClient.text(welcome.card())).contains("tovholderen", "opsæt").doesNotContain("indstil minimum");
        // The channels are offered by their names: the General channel by the team's.
        teams.post(teams.message("29:tina", "Tina", SetupCodeFile.setup(data)));
        stub.awaitCalls(2);
        String form = form("29:tina", "ny");
        assertThat(form).contains("\"title\":\"Team Vest\"", "\"title\":\"Planlægning\"").doesNotContain("General");
        // A redelivered installation neither welcomes twice nor forgets anyone.
        int sent = stub.calls().size();
        teams.post(teams.installInTeam(TEAM, "Team Vest", "29:tina", "Tina"));
        teams.post(teams.message("29:tina", "Tina", "hjælp"));
        stub.awaitCalls(sent + 1);
        assertThat(stub.calls().get(sent).conversationId()).isEqualTo(personalConversation("29:tina"));
    }

    @Test
    void aMentionedColleagueInATeamWithTheAppIsReachedAndInvited() throws Exception {
        stub.roster(TEAM, staff(2), 500);
        installInTeam();
        teams.post(teams.message("29:tina", "Tina", SetupCodeFile.setup(data)));
        teams.post(teams.message("29:tina", "Tina", "ny \"Vest forår\" opstart 11-12-2026"));
        stub.awaitCalls(3);
        // Sigurd joined the team without the bot hearing of it.
        List<Member> now = new ArrayList<>(staff(2));
        now.add(new Member("29:sigurd", "Sigurd Sagsbehandler"));
        stub.roster(TEAM, now, 500);

        int before = stub.calls().size();
        teams.post(teams.channelMessage(TEAM, "29:tina", "Tina", "tilføj 1 sagsbehandler", "29:sigurd", "Sigurd"));
        stub.awaitCalls(before + 1);
        assertThat(TeamsClient.text(stub.calls().get(before).card())).contains("tilføjet").doesNotContain("Kan ikke nås");
        assertThat(reachability.unreachable(ORG, List.of("29:sigurd"))).isEmpty();

        before = stub.calls().size();
        teams.post(teams.message("29:tina", "Tina", "start 1"));
        stub.awaitCalls(before + 1);
        assertThat(TeamsClient.text(stub.calls().get(before).card())).doesNotContain("Kan ikke nås");
        assertThat(app.dispatcher().drain()).isEqualTo(1);
        List<BotFrameworkStub.Call> sent = stub.calls();
        assertThat(sent.get(sent.size() - 2).body().path("members").path(0).path("id").asText()).isEqualTo("29:sigurd");
        assertThat(sent.get(sent.size() - 1).conversationId()).isEqualTo(personalConversation("29:sigurd"));
    }

    @Test
    void membersWhoLeaveAndEveryoneWhenTheAppLeavesTheTeamAreForgottenUnlessTheyHaveTheAppThemselves() throws Exception {
        List<Member> members = staff(3);
        stub.roster(TEAM, members, 500);
        installInTeam();
        assertThat(teams.post(teams.installPersonal("29:vest-3", "Medarbejder 3 Vest"))).isEqualTo(200);
        stub.awaitCalls(2);

        teams.post(teams.membersRemoved(TEAM, "29:vest-1"));
        stub.roster(TEAM, members.subList(1, 3), 500);
        // Processed in order after the removal: the reply shows it is done.
        teams.post(teams.message("29:vest-3", "Medarbejder 3 Vest", "hjælp"));
        stub.awaitCalls(3);
        assertThat(reachability.unreachable(ORG, ids(members))).containsExactly("29:vest-1");

        teams.post(teams.uninstallFromTeam(TEAM, "29:tina"));
        teams.post(teams.message("29:tina", "Tina", SetupCodeFile.setup(data)));
        stub.awaitCalls(4);
        assertThat(reachability.unreachable(ORG, ids(members))).containsExactly("29:vest-1", "29:vest-2");
        // The team's channels are no longer offered.
        assertThat(form("29:tina", "ny")).doesNotContain("Team Vest", "Planlægning");
    }

    @Test
    void aConversationTeamsNoLongerFindsIsOpenedAgainOnceAndThePersonNamedWhenThatFailsToo() throws Exception {
        for (String user : List.of("29:ulla", "29:viggo")) teams.post(teams.installPersonal(user, user.substring(3)));
        stub.awaitCalls(2);
        stub.failNext(c -> c.method().equals("POST") && personalConversation("29:ulla").equals(c.conversationId()), 404, null);
        stub.failNext(c -> c.method().equals("POST") && personalConversation("29:viggo").equals(c.conversationId()), 404, null);
        stub.failNext(c -> c.method().equals("POST") && personalConversation("29:viggo").equals(c.conversationId()), 404, null);
        app.store().enqueue(List.of(
                Outbox.message(ORG, new Destination.Direct("29:ulla"), Message.text("Invitation"), "t:ulla"),
                Outbox.message(ORG, new Destination.Direct("29:viggo"), Message.text("Invitation"), "t:viggo")));

        assertThat(app.dispatcher().drain()).isEqualTo(1);

        List<BotFrameworkStub.Call> ulla = stub.calls(c -> c.body().path("members").path(0).path("id").asText().equals("29:ulla")
                || personalConversation("29:ulla").equals(c.conversationId()));
        // The invitation failed with 404, the chat was opened again, and the invitation went.
        assertThat(ulla).extracting(c -> c.conversationId() == null ? "create" : c.method()).containsExactly("POST", "POST", "create", "POST");
        assertThat(stub.conversation(personalConversation("29:ulla"))).hasSize(2);
        assertThat(app.store().failed(ORG)).hasSize(1);
        assertThat(reachability.unreachable(ORG, List.of("29:ulla", "29:viggo"))).containsExactly("29:viggo");
    }

    @Test
    void theRespondentsFormStaysWithinTeamsLimitWithTheLargestTeamsByNamingPeopleByMentions() throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            // Real Teams user ids are about 90 characters; names of about 70.
            members.add(new Member("29:1" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9fG1hJ3kL5mN7pQ9rS1tU3vW5xY7zA9bC1dE3fG5hJ7" + i,
                    "Medarbejder nummer " + i + " i Social- og Sundhedsforvaltningens Voksenhandicap"));
        }
        stub.roster(TEAM, members.subList(0, 40), 100);
        installInTeam();
        teams.post(teams.message("29:tina", "Tina", SetupCodeFile.setup(data)));
        teams.post(teams.message("29:tina", "Tina", "ny \"Vest forår\" opstart 11-12-2026"));
        stub.awaitCalls(3);
        assertThat(form("29:tina", "tilføj")).contains("Input.ChoiceSet", members.get(39).id());

        stub.roster(TEAM, members, 100);
        teams.post(teams.membersAdded(TEAM, members.get(149).id()));
        // Her activity is processed in her own queue: wait until the roster has been read.
        await().atMost(Duration.ofSeconds(10)).until(() -> reachability.unreachable(ORG, ids(members)).isEmpty());
        String large = form("29:tina", "tilføj");
        assertThat(large).doesNotContain(members.get(0).id()).contains("@-omtaler");
        // Checked for every message when the test ends: none over 28 KB, every card valid.
        assertThat(stub.largestBody()).isGreaterThan(1000);
    }

    /** The form card the bot answers a command with, as JSON. */
    String form(String user, String command) throws InterruptedException {
        int before = stub.calls().size();
        teams.post(teams.message(user, user, command));
        stub.awaitCalls(before + 1);
        JsonNode card = stub.calls().get(before).card();
        return card.toString();
    }
}
