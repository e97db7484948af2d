package dk.vum.barometer.core.report;

/** The summary's buttons: each does what its typed command does ("rapport 3 detaljer", "eksport 3 pdf"). */
public final class ReportActions {

    public static final String PREFIX = "report.";
    public static final String DETAILS = PREFIX + "details";
    public static final String PDF = PREFIX + "pdf";
    public static final String CSV = PREFIX + "csv";

    private ReportActions() {
    }
}
