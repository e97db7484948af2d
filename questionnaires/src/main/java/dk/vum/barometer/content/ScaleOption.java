package dk.vum.barometer.content;

/** One step of the answer scale: value 1-5, or {@link Scale#DONT_KNOW} for "Ved ikke / ikke relevant". */
public record ScaleOption(int value, Text label) {
}
