package dk.vum.barometer.content;

/**
 * Content that cannot be used: the message names the file, the item, theme or area concerned, and
 * what is wrong, so whoever edited the file can fix it. Thrown at start-up, which it stops.
 */
public final class ContentValidationException extends RuntimeException {

    /**
     * @param file    the content file, as named in the manifest
     * @param subject what in the file is wrong, e.g. {@code item opstart.ledelse.it.1}; null for the file as a whole
     * @param problem what is wrong
     */
    public ContentValidationException(String file, String subject, String problem) {
        super(subject == null ? file + ": " + problem : file + ": " + subject + ": " + problem);
    }
}
