package dk.vum.barometer.slack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlackTextTest {

    @Test
    void escapedMentionsAndChannelsBecomeTheCoresForm() {
        assertThat(SlackText.toCore("tilføj 1 leder <@U123|lars> <@W456> <@U789|lene>"))
                .isEqualTo("tilføj 1 leder @U123 @W456 @U789");
        assertThat(SlackText.toCore("ny \"Team Nord\" opstart 15-12-2026 <#C0RESULTS|team-nord>"))
                .isEqualTo("ny \"Team Nord\" opstart 15-12-2026 #C0RESULTS");
        assertThat(SlackText.toCore("del 1 <#G123>")).isEqualTo("del 1 #G123");
    }

    @Test
    void slacksEntityEscapesAreUndoneAndOtherControlSequencesStayAsTyped() {
        assertThat(SlackText.toCore("a &lt;b&gt; &amp;amp; c")).isEqualTo("a <b> &amp; c");
        assertThat(SlackText.toCore("<!channel> hej <https://evil|klik>")).isEqualTo("<!channel> hej <https://evil|klik>");
        assertThat(SlackText.toCore(null)).isEmpty();
    }

    @Test
    void theUsersACommandOrAPeoplePickerNamesAreFound() {
        assertThat(SlackText.userIds("tilføj 1 leder @U0LARS @W0LENE mail@U0NOT #C0TEAM")).containsExactly("U0LARS", "W0LENE");
        assertThat(SlackText.userIds("U01,U02,W03")).containsExactly("U01", "U02", "W03");
        assertThat(SlackText.userIds("Team Nord")).isEmpty();
        assertThat(SlackText.userIds(null)).isEmpty();
    }
}
