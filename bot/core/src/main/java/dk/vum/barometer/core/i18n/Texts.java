package dk.vum.barometer.core.i18n;

import dk.vum.barometer.content.Language;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's own words, Danish first and English second ({@code texts_da.properties},
 * {@code texts_en.properties}, UTF-8). A key missing in English falls back to Danish.
 */
public final class Texts {

    /** Dates as Danish readers write them: 15.12.2026. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private static final String BUNDLE = "dk.vum.barometer.core.i18n.texts";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Loaded once: looking a bundle up per text cost a noticeable share of a click's CPU. */
    private static final Map<Language, ResourceBundle> BUNDLES = Map.of(
            Language.DA, ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("da"), NO_FALLBACK),
            Language.EN, ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_FALLBACK));
    private static final Map<FormatKey, MessageFormat> FORMATS = new ConcurrentHashMap<>();

    private Texts() {
    }

    /**
     * The text for a key, with its arguments. Whole numbers are inserted as typed ("1000", not "1.000"):
     * they are mostly measurement numbers that a user types back.
     */
    public static String t(Language language, String key, Object... args) {
        String pattern = pattern(language, key);
        if (args.length == 0) return pattern;
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Integer || args[i] instanceof Long ? String.valueOf(args[i]) : args[i];
        }
        // a MessageFormat is parsed once per text and language; formatting uses a copy, as it is not thread-safe
        MessageFormat parsed = FORMATS.computeIfAbsent(new FormatKey(language, key), k -> new MessageFormat(pattern, language.locale()));
        return ((MessageFormat) parsed.clone()).format(plain);
    }

    private record FormatKey(Language language, String key) {
    }

    private static String pattern(Language language, String key) {
        if (language == Language.EN) {
            ResourceBundle en = BUNDLES.get(Language.EN);
            if (en.containsKey(key)) return en.getString(key);
        }
        try {
            return BUNDLES.get(Language.DA).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("missing text: " + key, e);
        }
    }
}
