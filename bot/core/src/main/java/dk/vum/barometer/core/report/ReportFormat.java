package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Rounds exact report figures for display: means and differences to one decimal, shares to whole
 * percent; Danish with a decimal comma and "62 %", English with a point and "62%".
 */
public final class ReportFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private final Language language;

    public ReportFormat(Language language) {
        this.language = language;
    }

    public String mean(Fraction mean) {
        return decimal(mean.round(1));
    }

    /** A difference with its sign: "+0,3", "-0,3", or "0,0" when it rounds to zero. */
    public String signed(Fraction difference) {
        BigDecimal rounded = difference.round(1);
        return (rounded.signum() > 0 ? "+" : "") + decimal(rounded);
    }

    /** A figure with the given number of decimals, for exports. */
    public String decimal(Fraction value, int scale) {
        return decimal(value.round(scale));
    }

    /** A difference without its sign, for texts that say which side is higher. */
    public String unsigned(Fraction difference) {
        return decimal(difference.abs().round(1));
    }

    /** Dates as Danes write them, in both languages: 15.12.2026. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public String percent(Fraction share) {
        return share.times(100).round(0).toPlainString() + (language == Language.DA ? " %" : "%");
    }

    private String decimal(BigDecimal value) {
        String plain = value.signum() == 0 ? value.abs().toPlainString() : value.toPlainString();
        return language == Language.DA ? plain.replace('.', ',') : plain;
    }
}
