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
import dk.vum.barometer.core.store.Storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dk.vum.barometer.core.i18n.Texts.t;

/** Setting an organisation up, roles, anonymity thresholds and language. */
public final class AdminCommands {

    private final Storage store;
    private final Directory directory;
    private final SetupCode setupCode;

    public AdminCommands(Storage store, Directory directory, SetupCode setupCode) {
        this.store = store;
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
        if (setupCode.redeem(typed, () -> store.claimFirstCoordinator(c.org(), c.userId()))) {
            return List.of(Message.of(new Block.Paragraph(t(lang, "setup.done")), new Block.Context(t(lang, "setup.next"))));
        }
        if (hasCoordinator(c)) return List.of(Message.text(t(lang, "setup.already")));
        return List.of(Message.text(t(lang, typed == null ? "setup.code.needed" : "setup.code.wrong")));
    }

    private boolean hasCoordinator(Caller c) {
        return store.roleHolders(c.org()).values().stream().anyMatch(r -> r.contains(Role.COORDINATOR));
    }

    public List<Message> grant(Caller c, CommandLine line) {
        Language lang = c.language();
        Optional<Role> role = line.words().stream().map(Role::parse).flatMap(Optional::stream).findFirst();
        if (role.isEmpty() || line.mentions().isEmpty()) throw new Refusal(t(lang, "role.usage"));
        line.mentions().forEach(u -> store.grantRole(c.org(), u, role.get()));
        return List.of(Message.text(t(lang, "role.granted", directory.names(c.org(), line.mentions()),
                t(lang, "orgrole." + role.get().name()))));
    }

    public List<Message> revoke(Caller c, CommandLine line) {
        Language lang = c.language();
        Optional<Role> role = line.words().stream().map(Role::parse).flatMap(Optional::stream).findFirst();
        if (role.isEmpty() || line.mentions().isEmpty()) throw new Refusal(t(lang, "role.usage"));
        if (role.get() == Role.COORDINATOR) {
            long coordinators = store.roleHolders(c.org()).values().stream().filter(r -> r.contains(Role.COORDINATOR)).count();
            long removed = line.mentions().stream().distinct()
                    .filter(u -> store.roles(c.org(), u).contains(Role.COORDINATOR)).count();
            if (coordinators - removed < 1) throw new Refusal(t(lang, "role.last.coordinator"));
        }
        line.mentions().forEach(u -> store.revokeRole(c.org(), u, role.get()));
        return List.of(Message.text(t(lang, "role.revoked", directory.names(c.org(), line.mentions()),
                t(lang, "orgrole." + role.get().name()))));
    }

    public List<Message> roles(Caller c) {
        Language lang = c.language();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Set<Role>> e : store.roleHolders(c.org()).entrySet()) {
            List<String> names = e.getValue().stream().sorted().map(r -> t(lang, "orgrole." + r.name())).toList();
            lines.add(directory.name(c.org(), e.getKey()) + ": " + String.join(", ", names));
        }
        return List.of(Message.of(new Block.Heading(t(lang, "roles.title")), new Block.BulletList(lines)));
    }

    /** "indstil minimum 5", "indstil kommentarminimum 10", or just "indstil" to show them. */
    public List<Message> settings(Caller c, CommandLine line) {
        Language lang = c.language();
        OrgSettings current = store.settings(c.org());
        List<String> words = line.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        List<Integer> numbers = line.numbers();
        if (!words.isEmpty() && numbers.size() == 1) {
            int n = numbers.get(0);
            OrgSettings next = switch (words.get(0)) {
                case "minimum", "min", "gruppeminimum" -> settingsOrRefuse(lang, n, Math.max(current.minGroupForComments(), n));
                case "kommentarminimum", "comments", "comment-minimum" -> settingsOrRefuse(lang, current.minGroupForScores(), n);
                default -> throw new Refusal(t(lang, "settings.usage"));
            };
            store.saveSettings(c.org(), next);
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
        store.setLanguage(c.org(), c.userId(), lang.get());
        return List.of(Message.text(t(lang.get(), "language.set")));
    }
}
