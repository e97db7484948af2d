package dk.vum.barometer.web;

/**
 * A request the chat API refuses, with the HTTP status and a Danish message for the person or script
 * that sent it. Nothing has changed when it is thrown.
 */
final class ChatApiException extends RuntimeException {

    private final int status;
    private final String code;

    private ChatApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ChatApiException badRequest(String message) {
        return new ChatApiException(400, "bad_request", message);
    }

    static ChatApiException forbidden(String message) {
        return new ChatApiException(403, "forbidden", message);
    }

    static ChatApiException notFound(String code, String message) {
        return new ChatApiException(404, code, message);
    }

    static ChatApiException of(int status, String code, String message) {
        return new ChatApiException(status, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
