package dk.vum.barometer.content;

/** Content read from a file, kept with the file's name so a problem can be reported against it. */
record Sourced<T>(String file, T content) {
}
