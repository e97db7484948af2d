package dk.vum.barometer.core.model;

import dk.vum.barometer.content.Audience;
import dk.vum.barometer.content.Stage;
import dk.vum.barometer.core.chat.OrgId;

import java.time.LocalDate;
import java.util.Map;

/** What the store needs to create a measurement; it assigns the number. */
public record NewMeasurement(
        OrgId org,
        String name,
        Stage stage,
        LocalDate deadline,
        String resultsChannel,
        Integer compareWith,
        Map<Audience, String> contentHashes,
        String createdBy,
        LocalDate createdOn) {

    public NewMeasurement {
        contentHashes = Map.copyOf(contentHashes);
    }
}
