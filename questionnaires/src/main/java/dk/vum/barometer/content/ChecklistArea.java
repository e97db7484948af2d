package dk.vum.barometer.content;

import java.util.List;

/**
 * One area of the VUM 2.0 implementation checklist (seed 004): the check question
 * ("tjekspørgsmål") with its reflection questions ("refleksionsspørgsmål"), plus the
 * matching per-area checklist of the 2011 guide (seed 002), where there is one.
 */
public record ChecklistArea(
        String id,
        int number,
        Text title,
        Text checkQuestion,
        List<Text> reflectionQuestions,
        List<Text> guideChecklist) {

    public ChecklistArea {
        reflectionQuestions = List.copyOf(reflectionQuestions);
        guideChecklist = guideChecklist == null ? List.of() : List.copyOf(guideChecklist);
    }
}
