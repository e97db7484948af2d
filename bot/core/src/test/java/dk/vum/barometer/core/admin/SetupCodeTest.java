package dk.vum.barometer.core.admin;

import dk.vum.barometer.core.chat.OrgId;
import dk.vum.barometer.core.chat.Platform;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupCodeTest {

    private final List<String> announced = new ArrayList<>();
    private final SetupCode code = new SetupCode(announced::add);
    private final AtomicInteger claims = new AtomicInteger();

    @Test
    void aWrongOrMissingCodeClaimsNothing() {
        assertThat(code.redeem(null, () -> claims.incrementAndGet() > 0)).isFalse();
        assertThat(code.redeem("", () -> claims.incrementAndGet() > 0)).isFalse();
        assertThat(code.redeem(announced.get(0) + "x", () -> claims.incrementAndGet() > 0)).isFalse();
        assertThat(claims).hasValue(0);
        assertThat(announced).hasSize(1);
    }

    @Test
    void theCodeWorksOnceAndANewOneIsAnnounced() {
        String first = announced.get(0);
        assertThat(code.redeem(" " + first.toUpperCase() + " ", () -> claims.incrementAndGet() > 0)).isTrue();
        assertThat(announced).hasSize(2).doesNotHaveDuplicates();
        assertThat(code.redeem(first, () -> claims.incrementAndGet() > 0)).as("used").isFalse();
        assertThat(claims).hasValue(1);
        assertThat(code.redeem(announced.get(1), () -> claims.incrementAndGet() > 0)).isTrue();
    }

    @Test
    void aClaimThatFindsACoordinatorLeavesTheCodeGood() {
        String first = announced.get(0);
        assertThat(code.redeem(first, () -> false)).isFalse();
        assertThat(announced).hasSize(1);
        assertThat(code.redeem(first, () -> true)).isTrue();
    }

    @Test
    void configuredCoordinatorsNameThePlatformTheOrganisationAndTheUser() {
        assertThat(Coordinators.parse("slack:T123:U456, teams:tenant-1:29:1abc")).containsExactly(
                new Coordinators.Configured(OrgId.of(Platform.SLACK, "T123"), "U456"),
                new Coordinators.Configured(OrgId.of(Platform.TEAMS, "tenant-1"), "29:1abc"));
        assertThat(Coordinators.parse(" ")).isEmpty();
        assertThatThrownBy(() -> Coordinators.parse("slack:T123")).hasMessageContaining("slack:T123");
        assertThatThrownBy(() -> Coordinators.parse("irc:x:y")).hasMessageContaining("irc:x:y");
    }
}
