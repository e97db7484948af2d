package dk.vum.barometer.core.rounds;

import dk.vum.barometer.content.Language;
import dk.vum.barometer.core.model.Measurement;
import dk.vum.barometer.core.model.ResponseCounts;

import java.util.List;

import static dk.vum.barometer.core.i18n.Texts.DAY;
import static dk.vum.barometer.core.i18n.Texts.t;

/** How a measurement and a response rate read wherever they are shown (lists, status, a home view). */
public final class RoundTexts {

    private RoundTexts() {
    }

    /** "3: Team Nord forår – Opstart/godt i gang, åben, frist 15.12.2026". */
    public static String listLine(Language lang, Measurement m) {
        return t(lang, "list.line", m.number(), m.name(), m.stage().label().in(lang),
                t(lang, "status." + m.status().name()), m.deadline().format(DAY));
    }

    /** "11 af 12 (92 %)": counts, never who. */
    public static String count(Language lang, int submitted, int registered) {
        long percent = registered == 0 ? 0 : Math.round(100.0 * submitted / registered);
        return t(lang, "status.count", submitted, registered, percent);
    }

    /** The same for a whole round: every group's counts added up. */
    public static String total(Language lang, List<ResponseCounts> groups) {
        return count(lang, groups.stream().mapToInt(ResponseCounts::submitted).sum(),
                groups.stream().mapToInt(ResponseCounts::registered).sum());
    }
}
