package dk.vum.barometer.content;

/**
 * One statement a respondent agrees or disagrees with.
 *
 * @param parallelItem id of the item that asks the same thing in the other audience's questionnaire of
 *                     the same stage, so leaders' and caseworkers' perceptions can be compared; null if none
 */
public record Item(String id, String theme, Text text, String parallelItem) {
}
