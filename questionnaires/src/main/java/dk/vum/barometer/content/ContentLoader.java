package dk.vum.barometer.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads and validates the questionnaires and the checklist. The files are named in
 * {@value #MANIFEST}; the shipped content lives on the classpath under {@code /content/}, and a
 * deployment can point at a folder with the same file names to use edited content. Any problem
 * throws {@link ContentValidationException}, so broken content stops start-up instead of reaching users.
 */
public final class ContentLoader {

    static final String MANIFEST = "manifest.json";
    private static final String CLASSPATH_FOLDER = "/content/";

    private ContentLoader() {
    }

    /** The content shipped with the application. */
    public static ContentCatalog loadDefault() {
        return load("classpath:" + CLASSPATH_FOLDER, name -> {
            try (InputStream in = ContentLoader.class.getResourceAsStream(CLASSPATH_FOLDER + name)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        });
    }

    /** The content in a folder laid out like the shipped one ({@value #MANIFEST} and the files it names). */
    public static ContentCatalog load(Path directory) {
        return load(directory.toString(), name -> {
            Path file = directory.resolve(name);
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        });
    }

    /** Reads a content file's bytes; empty when there is no such file. */
    @FunctionalInterface
    private interface FileSource {
        Optional<byte[]> bytes(String name) throws IOException;
    }

    private static ContentCatalog load(String location, FileSource source) {
        ContentManifest manifest = read(location, source, MANIFEST, ContentManifest.class);
        if (manifest.questionnaires() == null || manifest.checklist() == null || manifest.teamMeeting() == null) {
            throw new ContentValidationException(MANIFEST, null, "must name \"questionnaires\", \"checklist\" and \"teamMeeting\"");
        }
        List<Sourced<Questionnaire>> questionnaires = manifest.questionnaires().stream()
                .map(file -> new Sourced<>(file, read(location, source, file, Questionnaire.class)))
                .toList();
        Sourced<Checklist> checklist =
                new Sourced<>(manifest.checklist(), read(location, source, manifest.checklist(), Checklist.class));
        Sourced<TeamMeetingGuide> teamMeeting = new Sourced<>(manifest.teamMeeting(),
                read(location, source, manifest.teamMeeting(), TeamMeetingGuide.class));
        ContentValidator.validate(questionnaires, checklist, teamMeeting);
        return new ContentCatalog(questionnaires.stream().map(Sourced::content).toList(), checklist.content(),
                teamMeeting.content());
    }

    private static <T> T read(String location, FileSource source, String file, Class<T> type) {
        byte[] json;
        try {
            json = source.bytes(file)
                    .orElseThrow(() -> new ContentValidationException(file, null, "no such file in " + location));
        } catch (IOException e) {
            throw new ContentValidationException(file, null, "cannot be read from " + location + ": " + e.getMessage());
        }
        return ContentReader.read(file, json, type);
    }
}
