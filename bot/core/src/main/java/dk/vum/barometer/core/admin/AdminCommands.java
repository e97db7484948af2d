package dk.vum.barometer.core.admin;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.Refusal;
import dk.vum.barometer.core.access.Caller;
import dk.vum.barometer.core.access.Directory;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.command.CommandLine;
import dk.vum.barometer.core.model.OrgSettings;
import dk.vum.barometer.core.model.Role;
import dk.vum.barometer.core.store.OrganisationStore;
import dk.vum.barometer.core.store.TeamStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dk.vum.barometer.core.i18n.Texts.t;

/** Setting an organisation up, roles, anonymity thresholds and language. */
public final class AdminCommands {

    private final OrganisationStore organisations;
    private final TeamStore teams;
    private final Directory directory;
    private final SetupCode setupCode;

    public AdminCommands(OrganisationStore organisations, TeamStore teams, Directory directory, SetupCode setupCode) {
        this.organisations = organisations;
        this.teams = teams;
        this.directory = directory;
        this.setupCode = setupCode;
    }

    /**
     * {@code opsæt <kode>}: with the server's one-time code, the first coordinator of an organisation that
     * has none. Without the code (or with a wrong one) it says how to get it and changes nothing.
     */
    public List<Message> setup(Caller c, CommandLine line) {
        Language lang = c.language();
        if (hasCoordinator(c)) return List.of(Message.text(t(lang, c.isCoordinator() ? "setup.already.you" : "setup.already")));
        String typed = line.args().isEmpty() ? null : line.args().get(0);
        if (setupCode.redeem(typed, () -> organisations.claimFirstCoordinator(c.org(), c.userId()))) {
            return List.of(Message.of(new Block.Paragraph(t(lang, "setup.done")), new Block.Context(t(lang, "setup.next"))));
        }
        if (hasCoordinator(c)) return List.of(Message.text(t(lang, "setup.already")));
        return List.of(Message.text(t(lang, typed == null ? "setup.code.needed" : "setup.code.wrong")));
    }

    private boolean hasCoordinator(Caller c) {
        return organisations.roleHolders(c.org()).values().stream().anyMatch(r -> r.contains(Role.COORDINATOR));
    }

    public List<Message> grant(Caller c, CommandLine line) {
        Language lang = c.language();
        Optional<Role> role = line.words().stream().map(Role::parse).flatMap(Optional::stream).findFirst();
        if (role.isEmpty() || line.mentions().isEmpty()) throw new Refusal(t(lang, "role.usage"));
        if (role.get() == Role.TEAM_LEADER && !line.channels().isEmpty()) return grantTeams(c, line);
        line.mentions().forEach(u -> organisations.grantRole(c.org(), u, role.get()));
        return List.of(Message.text(t(lang, "role.granted", directory.names(c.org(), line.mentions()),
                t(lang, "orgrole." + role.get().name()))));
    }

    /**
     * "rolle @lars teamleder #team-nord": Lars leads that team. It scopes him: a team leader of every team
     * (the organisation-wide role) becomes a leader of the named teams only.
     */
    private List<Message> grantTeams(Caller c, CommandLine line) {
        Language lang = c.language();
        for (String u : line.mentions()) {
            line.channels().forEach(ch -> teams.grantTeamLeader(c.org(), u, ch));
            organisations.revokeRole(c.org(), u, Role.TEAM_LEADER);
        }
        return List.of(Message.text(t(lang, "team.leader.granted", directory.names(c.org(), line.mentions()),
                channels(line.channels()))));
    }

    private static String channels(java.util.Collection<String> ids) {
        return String.join(", ", ids.stream().map(ch -> "#" + ch).toList());
    }

    public List<Message> revoke(Caller c, CommandLine line) {
        Language lang = c.language();
        Optional<Role> role = line.words().stream().map(Role::parse).flatMap(Optional::stream).findFirst();
        if (role.isEmpty() || line.mentions().isEmpty()) throw new Refusal(t(lang, "role.usage"));
        if (role.get() == Role.COORDINATOR) {
            long coordinators = organisations.roleHolders(c.org()).values().stream().filter(r -> r.contains(Role.COORDINATOR)).count();
            long removed = line.mentions().stream().distinct()
                    .filter(u -> organisations.roles(c.org(), u).contains(Role.COORDINATOR)).count();
            if (coordinators - removed < 1) throw new Refusal(t(lang, "role.last.coordinator"));
        }
        if (role.get() == Role.TEAM_LEADER && !line.channels().isEmpty()) {
            line.mentions().forEach(u -> line.channels().forEach(ch -> teams.revokeTeamLeader(c.org(), u, ch)));
            return List.of(Message.text(t(lang, "team.leader.revoked", directory.names(c.org(), line.mentions()),
                    channels(line.channels()))));
        }
        line.mentions().forEach(u -> {
            organisations.revokeRole(c.org(), u, role.get());
            if (role.get() == Role.TEAM_LEADER) teams.revokeAllTeams(c.org(), u);
        });
        return List.of(Message.text(t(lang, "role.revoked", directory.names(c.org(), line.mentions()),
                t(lang, "orgrole." + role.get().name()))));
    }

    public List<Message> roles(Caller c) {
        Language lang = c.language();
        Map<String, List<String>> byUser = new java.util.TreeMap<>();
        for (Map.Entry<String, Set<Role>> e : organisations.roleHolders(c.org()).entrySet()) {
            e.getValue().stream().sorted().forEach(r -> byUser.computeIfAbsent(e.getKey(), u -> new ArrayList<>())
                    .add(t(lang, r == Role.TEAM_LEADER ? "team.leader.all" : "orgrole." + r.name())));
        }
        teams.teamLeaderGrants(c.org()).forEach((u, chs) -> byUser.computeIfAbsent(u, x -> new ArrayList<>())
                .add(t(lang, "team.leader.of", channels(chs))));
        List<String> lines = new ArrayList<>();
        byUser.forEach((u, roles) -> lines.add(directory.name(c.org(), u) + ": " + String.join(", ", roles)));
        return List.of(Message.of(new Block.Heading(t(lang, "roles.title")), new Block.BulletList(lines)));
    }

    /** "indstil minimum 5", "indstil kommentarminimum 10", or just "indstil" to show them. */
    public List<Message> settings(Caller c, CommandLine line) {
        Language lang = c.language();
        OrgSettings current = organisations.settings(c.org());
        List<String> words = line.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        List<Integer> numbers = line.numbers();
        if (!words.isEmpty() && numbers.size() == 1) {
            int n = numbers.get(0);
            OrgSettings next = switch (words.get(0)) {
                case "minimum", "min", "gruppeminimum" -> settingsOrRefuse(lang, n, Math.max(current.minGroupForComments(), n));
                case "kommentarminimum", "comments", "comment-minimum" -> settingsOrRefuse(lang, current.minGroupForScores(), n);
                default -> throw new Refusal(t(lang, "settings.usage"));
            };
            organisations.saveSettings(c.org(), next);
            current = next;
        } else if (!line.args().isEmpty()) {
            throw new Refusal(t(lang, "settings.usage"));
        }
        return List.of(Message.of(new Block.Fields(List.of(
                new Block.Field(t(lang, "settings.scores"), String.valueOf(current.minGroupForScores())),
                new Block.Field(t(lang, "settings.comments"), String.valueOf(current.minGroupForComments())))),
                new Block.Context(t(lang, "settings.usage"))));
    }

    private static OrgSettings settingsOrRefuse(Language lang, int scores, int comments) {
        if (scores < OrgSettings.ABSOLUTE_MIN) throw new Refusal(t(lang, "settings.too.low", OrgSettings.ABSOLUTE_MIN));
        if (scores > 1000 || comments > 1000) throw new Refusal(t(lang, "settings.too.high"));
        if (comments < scores) throw new Refusal(t(lang, "settings.comments.below", scores));
        return new OrgSettings(scores, comments);
    }

    public List<Message> language(Caller c, CommandLine line) {
        Optional<Language> lang = line.words().stream().map(Language::parse).flatMap(Optional::stream).findFirst();
        if (lang.isEmpty()) throw new Refusal(t(c.language(), "language.usage"));
        organisations.setLanguage(c.org(), c.userId(), lang.get());
        return List.of(Message.text(t(lang.get(), "language.set")));
    }
}
