package dk.vum.barometer.content;

import java.util.List;
import java.util.Optional;

/** The implementation checklist: the areas in their published order. */
public record Checklist(int version, Text title, List<ChecklistArea> areas) {

    public Checklist {
        areas = List.copyOf(areas);
    }

    public Optional<ChecklistArea> area(String id) {
        return areas.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<ChecklistArea> area(int number) {
        return areas.stream().filter(a -> a.number() == number).findFirst();
    }
}
