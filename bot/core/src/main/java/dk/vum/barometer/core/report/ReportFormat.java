package dk.vum.barometer.core.report;

import dk.vum.barometer.content.Language;

import java.math.BigDecimal;

/**
 * Rounds exact report figures for display: means and differences to one decimal, shares to whole
 * percent; Danish with a decimal comma and "62 %", English with a point and "62%".
 */
final class ReportFormat {

    private final Language language;

    ReportFormat(Language language) {
        this.language = language;
    }

    String mean(Fraction mean) {
        return decimal(mean.round(1));
    }

    /** A difference with its sign: "+0,3", "-0,3", or "0,0" when it rounds to zero. */
    String signed(Fraction difference) {
        BigDecimal rounded = difference.round(1);
        return (rounded.signum() > 0 ? "+" : "") + decimal(rounded);
    }

    String percent(Fraction share) {
        return share.times(100).round(0).toPlainString() + (language == Language.DA ? " %" : "%");
    }

    private String decimal(BigDecimal value) {
        String plain = value.signum() == 0 ? value.abs().toPlainString() : value.toPlainString();
        return language == Language.DA ? plain.replace('.', ',') : plain;
    }
}
