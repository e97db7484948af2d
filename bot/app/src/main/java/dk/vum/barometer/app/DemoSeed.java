package dk.vum.barometer.app;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import dk.vum.barometer.core.store.Storage;
import dk.vum.barometer.core.store.TeamStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo organisation for the local web chat: a coordinator, three leaders (two of them team leaders, of team Nord and team Syd),
 * two superusers and ten caseworkers, and three channels. Safe to run on every start.
 */
public final class DemoSeed {

    public static final OrgId ORG = OrgId.of(Platform.LOCAL, "demo");
    public static final List<String> CHANNELS = List.of("team-nord", "team-syd", "ledelse");

    public record DemoUser(String id, String name) {
    }

    public static final DemoUser COORDINATOR = new DemoUser("tina", "Tina Tovholder");
    public static final List<DemoUser> LEADERS = List.of(
            new DemoUser("lars", "Lars Leder (team Nord)"),
            new DemoUser("lene", "Lene Leder (team Syd)"),
            new DemoUser("lotte", "Lotte Afdelingsleder"));
    public static final List<DemoUser> SUPERUSERS = List.of(
            new DemoUser("sara", "Sara Superbruger"),
            new DemoUser("sune", "Sune Superbruger"));
    public static final List<DemoUser> CASEWORKERS = caseworkers();

    private DemoSeed() {
    }

    private static List<DemoUser> caseworkers() {
        String[] names = {"Anna", "Bo", "Cecilie", "Dennis", "Emma", "Frederik", "Gitte", "Hassan", "Ida", "Jonas"};
        List<DemoUser> users = new ArrayList<>();
        for (String n : names) users.add(new DemoUser(n.toLowerCase(), n + " Sagsbehandler"));
        return List.copyOf(users);
    }

    public static List<DemoUser> everyone() {
        List<DemoUser> all = new ArrayList<>();
        all.add(COORDINATOR);
        all.addAll(LEADERS);
        all.addAll(SUPERUSERS);
        all.addAll(CASEWORKERS);
        return all;
    }

    /** Lars leads team Nord, Lene team Syd: each sees only their own team's measurements. */
    public static void seed(Storage store, TeamStore teams) {
        store.ensureOrganisation(ORG, "Demo Kommune");
        for (DemoUser u : everyone()) store.upsertUser(ORG, u.id(), u.name());
        store.claimFirstCoordinator(ORG, COORDINATOR.id());
        teams.grantTeamLeader(ORG, LEADERS.get(0).id(), CHANNELS.get(0));
        teams.grantTeamLeader(ORG, LEADERS.get(1).id(), CHANNELS.get(1));
    }
}
