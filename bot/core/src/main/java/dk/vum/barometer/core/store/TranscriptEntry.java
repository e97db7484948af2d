package dk.vum.barometer.core.store;

/**
 * A bot message shown in a conversation of a platform that keeps no history of its own (the local web
 * chat). User input is never stored, and questionnaire messages are replaced in place, so no
 * transcript shows a respondent's answers.
 *
 * @param seq increases on every append and every replacement, so clients can poll "after seq"
 */
public record TranscriptEntry(long seq, String conversationId, String replaceKey, String payload) {
}
