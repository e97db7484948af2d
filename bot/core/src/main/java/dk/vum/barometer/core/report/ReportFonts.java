package dk.vum.barometer.core.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font of charts and PDFs, shipped with the bot (DejaVu Sans, with æ, ø and å): the same on every
 * server, whatever fonts the machine has, and embedded in every PDF.
 */
public final class ReportFonts {

    public static final String REGULAR = "fonts/DejaVuSans.ttf";
    public static final String BOLD = "fonts/DejaVuSans-Bold.ttf";

    private static final byte[] REGULAR_BYTES = load(REGULAR);
    private static final byte[] BOLD_BYTES = load(BOLD);
    private static final Font REGULAR_FONT = font(REGULAR_BYTES);
    private static final Font BOLD_FONT = font(BOLD_BYTES);

    private ReportFonts() {
    }

    /** The TrueType file, for embedding in a PDF. */
    public static byte[] bytes(boolean bold) {
        return (bold ? BOLD_BYTES : REGULAR_BYTES).clone();
    }

    public static Font font(boolean bold, float size) {
        return (bold ? BOLD_FONT : REGULAR_FONT).deriveFont(size);
    }

    private static byte[] load(String resource) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing font " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font font(byte[] bytes) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("unreadable font", e);
        }
    }
}
