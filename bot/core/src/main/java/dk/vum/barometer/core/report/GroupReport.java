package dk.vum.barometer.core.report;

import dk.vum.barometer.core.model.ReportGroup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** One group of the report: shown with its figures, or suppressed with no figure at all. */
public sealed interface GroupReport {

    ReportGroup group();

    /**
     * Fewer responses than the minimum: nothing about the group is reported, not even how many
     * responded or were registered.
     */
    record Suppressed(ReportGroup group) implements GroupReport {
        public Suppressed {
            Objects.requireNonNull(group, "group");
        }
    }

    /**
     * A group with enough responses.
     *
     * @param responses         responses submitted
     * @param registered        how many were registered, when known (for the response rate)
     * @param previousResponses responses to the compared measurement, when that group was shown there too
     * @param themes            in questionnaire order
     */
    record Shown(ReportGroup group, int responses, OptionalInt registered, OptionalInt previousResponses,
                 List<ThemeResult> themes, Comments comments) implements GroupReport {

        public Shown {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(comments, "comments");
            themes = List.copyOf(themes);
        }

        public Optional<ThemeResult> theme(String themeId) {
            return themes.stream().filter(t -> t.theme().id().equals(themeId)).findFirst();
        }

        public Optional<ItemResult> item(String itemId) {
            return themes.stream().flatMap(t -> t.items().stream())
                    .filter(i -> i.item().id().equals(itemId)).findFirst();
        }
    }
}
