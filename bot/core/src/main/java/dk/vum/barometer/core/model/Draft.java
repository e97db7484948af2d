package dk.vum.barometer.core.model;

/**
 * A questionnaire in progress, linked to its respondent so they can pause and resume.
 * Deleted when the answers are submitted.
 *
 * @param state   the engine's own JSON (answers, comments, position); opaque to the store
 * @param version optimistic-lock version: a save with a stale version is refused
 */
public record Draft(String state, long version) {
}
