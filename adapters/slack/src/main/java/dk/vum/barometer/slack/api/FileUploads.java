package dk.vum.barometer.slack.api;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import dk.vum.barometer.core.chat.Block;
import dk.vum.barometer.core.chat.Message;
import dk.vum.barometer.core.files.HostedFile;
import dk.vum.barometer.core.outbox.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shows a message's charts and files in Slack by uploading them into the conversation
 * (files.getUploadURLExternal, the bytes to the upload URL, files.completeUploadExternal; scope
 * {@code files:write}). Unlike an image block with a public URL this works in Socket Mode too, where the
 * bot may have no public address, and Slack keeps the picture when the bot's link has expired.
 */
public final class FileUploads {

    private static final Logger LOG = LoggerFactory.getLogger(FileUploads.class);
    /** Slack's limit for alt text. */
    private static final int MAX_ALT = 1000;

    private final MethodsClient client;
    private final Function<String, Optional<HostedFile>> files;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param files the hosted file a chart's or export's link points to, while it has not expired */
    public FileUploads(MethodsClient client, Function<String, Optional<HostedFile>> files) {
        this.client = client;
        this.files = files;
    }

    public void upload(String channel, Message message) throws SendFailure {
        for (Block block : message.blocks()) {
            if (block instanceof Block.Image image) upload(channel, image.url(), image.alt());
            else if (block instanceof Block.File file) upload(channel, file.url(), file.name());
        }
    }

    private void upload(String channel, String url, String alt) throws SendFailure {
        Optional<HostedFile> found = files.apply(url);
        if (found.isEmpty()) {
            // Expired while the message waited in the outbox: the text went out; asking again makes a new link.
            LOG.warn("Slack: a chart or export link expired before it could be uploaded");
            return;
        }
        HostedFile file = found.get();
        String altText = alt.length() <= MAX_ALT ? alt : alt.substring(0, MAX_ALT - 1) + "…";
        FilesGetUploadURLExternalResponse target = SlackCall.run("files.getUploadURLExternal", () ->
                client.filesGetUploadURLExternal(r -> r.filename(file.name()).length(file.content().length).altTxt(altText)));
        send(target.getUploadUrl(), file);
        SlackCall.run("files.completeUploadExternal", () -> client.filesCompleteUploadExternal(r -> r.channelId(channel)
                .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(target.getFileId()).title(file.name()).build()))));
    }

    private void send(String uploadUrl, HostedFile file) throws SendFailure {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                    .header("Content-Type", file.mediaType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file.content())).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) throw SendFailure.transientFailure("file upload: HTTP " + response.statusCode());
        } catch (IOException e) {
            throw SendFailure.transientFailure("file upload: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailure.transientFailure("file upload interrupted");
        }
    }
}
