package dk.vum.barometer.core.report.export;

import dk.vum.barometer.content.Language;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dk.vum.barometer.core.model.ReportGroup.MEDARBEJDERE;
import static dk.vum.barometer.core.report.ReportFixtures.concat;
import static dk.vum.barometer.core.report.ReportFixtures.leaders;
import static dk.vum.barometer.core.report.ReportFixtures.report;
import static dk.vum.barometer.core.report.ReportFixtures.staff;
import static dk.vum.barometer.core.report.ReportFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

class ReportCsvTest {

    private final ReportCsv csv = new ReportCsv();

    private List<String> lines(byte[] bytes) {
        return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void utf8WithBomSemicolonsAndDecimalCommaAsDanishExcelReadsIt() {
        byte[] bytes = csv.render(report(concat(leaders(5), staff(10))), Language.DA);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = lines(bytes);
        assertThat(lines.get(0)).isEqualTo("\uFEFFgruppe;niveau;tema;udsagn;svar 1-5;gennemsnit;1;2;3;4;5;Ved ikke;Ikke relevant");
        assertThat(lines).contains(
                "Ledelsen;tema;Kommunikation;;5;4,60;0;0;0;2;3;0;0",
                "Ledelsen;udsagn;Kommunikation;Vi har fortalt medarbejderne hvorfor VUM 2.0 indføres;5;4,60;0;0;0;2;3;0;0",
                "Medarbejdere;tema;Uddannelse og træning;;10;5,00;0;0;0;0;10;0;0",
                "Medarbejdere;udsagn;Opfølgning;Vi følger op på hvordan det går;10;2,00;0;10;0;0;0;0;0");
        // leaders: 3 themes + 3 shown statements (L2 has no answers); staff: 3 themes + 3 (S2 none)
        assertThat(lines).hasSize(1 + 6 + 6);
    }

    @Test
    void aSuppressedGroupHasNoRowAtAll() {
        List<String> lines = lines(csv.render(report(concat(leaders(4), staff(10))), Language.DA));

        assertThat(lines).noneMatch(l -> l.contains("Ledelsen") || l.contains("4,60"));
        assertThat(lines).hasSize(1 + 6);
    }

    @Test
    void answersOffTheScaleHaveTheirOwnColumnsAndCountInNoMean() {
        List<String> lines = lines(csv.render(report(table(MEDARBEJDERE, 10,
                Map.of("S1", new int[]{4, 4, 4, 4, 4, 4, -1, -1, 0, 3}))), Language.DA));

        assertThat(lines).contains("Medarbejdere;udsagn;Kommunikation;Jeg ved hvorfor VUM 2.0 indføres;7;3,86;0;0;1;6;0;1;2");
    }
}
