package dk.vum.barometer.core.command;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    @Test
    void parsesDanishAndEnglishWordsAndClassifiesArguments() {
        CommandLine line = CommandLine.parse("ny måling \"Team Nord forår\" opstart 15-12-2026 #team-nord").orElseThrow();
        assertThat(line.word()).isEqualTo(CommandWord.NEW);
        assertThat(line.args()).containsExactly("Team Nord forår", "opstart", "15-12-2026", "#team-nord");
        assertThat(line.date()).contains(LocalDate.of(2026, 12, 15));
        assertThat(line.channels()).containsExactly("team-nord");
        assertThat(CommandLine.parse("NEW x").orElseThrow().word()).isEqualTo(CommandWord.NEW);
        assertThat(CommandLine.parse("/barometer").isPresent()).isFalse();
    }

    @Test
    void mentionsNumbersAndWords() {
        CommandLine line = CommandLine.parse("tilføj m3 sagsbehandler @anna @bo").orElseThrow();
        assertThat(line.word()).isEqualTo(CommandWord.ADD);
        assertThat(line.numbers()).containsExactly(3);
        assertThat(line.mentions()).containsExactly("anna", "bo");
        assertThat(line.words()).containsExactly("sagsbehandler");
    }

    @Test
    void unknownWordsAreNoCommand() {
        assertThat(CommandLine.parse("hvad så")).isEmpty();
        assertThat(CommandLine.parse("   ")).isEmpty();
        assertThat(CommandLine.parse(null)).isEmpty();
    }

    @Test
    void typographicQuotesKeepANameTogether() {
        assertThat(Tokenizer.tokenize("ny „Team Syd“ forankring 2027-01-31"))
                .containsExactly("ny", "Team Syd", "forankring", "2027-01-31");
    }
}
