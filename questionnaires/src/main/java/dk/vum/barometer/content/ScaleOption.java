package dk.vum.barometer.content;

/** One answer: a step 1-5 of the scale, or {@link Scale#DONT_KNOW} / {@link Scale#NOT_RELEVANT}. */
public record ScaleOption(int value, Text label) {
}
