package dk.vum.barometer.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A copy of the shipped content in a folder, which a test can break one file at a time. */
final class ContentFolder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;

    private ContentFolder(Path directory) {
        this.directory = directory;
    }

    static ContentFolder copyOfShipped(Path directory) {
        ContentFolder folder = new ContentFolder(directory);
        JsonNode manifest = folder.copy(ContentLoader.MANIFEST);
        folder.copy(manifest.get("checklist").asText());
        folder.copy(manifest.get("teamMeeting").asText());
        manifest.get("questionnaires").forEach(file -> folder.copy(file.asText()));
        return folder;
    }

    ContentCatalog load() {
        return ContentLoader.load(directory);
    }

    /** Changes a file's JSON tree in place. */
    ContentFolder edit(String file, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(directory.resolve(file).toFile());
            change.accept(root);
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(file).toFile(), root);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContentFolder write(String file, String text) {
        try {
            Files.writeString(directory.resolve(file), text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String file) {
        try {
            return Files.readString(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object in {@code items} (or {@code themes}, {@code areas}) with the given id. */
    static ObjectNode element(ObjectNode root, String array, String id) {
        for (JsonNode node : root.withArrayProperty(array)) {
            if (id.equals(node.path("id").asText())) return (ObjectNode) node;
        }
        throw new IllegalArgumentException("no " + array + " element " + id);
    }

    /** Removes the elements of {@code array} that match, returning them. */
    static List<JsonNode> remove(ObjectNode root, String array, Predicate<JsonNode> match) {
        ArrayNode nodes = root.withArrayProperty(array);
        List<JsonNode> removed = new ArrayList<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (match.test(nodes.get(i))) removed.add(0, nodes.remove(i));
        }
        return removed;
    }

    private JsonNode copy(String file) {
        try (InputStream in = ContentLoader.class.getResourceAsStream("/content/" + file)) {
            if (in == null) throw new IllegalStateException("not on the classpath: " + file);
            byte[] bytes = in.readAllBytes();
            Files.write(directory.resolve(file), bytes);
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
