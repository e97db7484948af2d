package dk.vum.barometer.content;

import java.util.List;

/**
 * One area of the VUM 2.0 implementation checklist (seed 004): the check question
 * ("tjekspørgsmål") with its reflection questions ("refleksionsspørgsmål"), plus the
 * matching per-area checklist of the 2011 guide (seed 002), where there is one.
 *
 * @param productOwn true (never null) for an area the barometer adds itself (not one of Socialstyrelsen's check
 *                   questions), so it is never presented as theirs
 */
public record ChecklistArea(
        String id,
        int number,
        Text title,
        Text checkQuestion,
        List<Text> reflectionQuestions,
        List<Text> guideChecklist,
        Boolean productOwn) {

    public ChecklistArea {
        reflectionQuestions = List.copyOf(reflectionQuestions);
        guideChecklist = guideChecklist == null ? List.of() : List.copyOf(guideChecklist);
        productOwn = Boolean.TRUE.equals(productOwn);
    }
}
