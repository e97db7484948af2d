package dk.vum.barometer.core.store;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.model.ChecklistAnswer;

import java.util.List;

/** A team's answers to the implementation checklist, every one kept, in the order given. */
public interface ChecklistAnswerStore {

    void recordAnswer(OrgId org, ChecklistAnswer answer);

    /** Every answer of the team in its channel, oldest first. */
    List<ChecklistAnswer> answers(OrgId org, String channelId);
}
