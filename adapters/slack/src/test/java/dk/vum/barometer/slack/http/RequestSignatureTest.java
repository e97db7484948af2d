package dk.vum.barometer.slack.http;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignatureTest {

    /** Slack's published example: docs "Verifying requests from Slack". */
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    static RequestSignature at(long epochSecond) {
        return new RequestSignature(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void slacksPublishedExampleSignsAndVerifies() {
        RequestSignature signature = at(1531420618L);
        assertThat(signature.sign(TIMESTAMP, BODY)).isEqualTo(EXPECTED);
        assertThat(signature.valid(TIMESTAMP, BODY, EXPECTED)).isTrue();
    }

    @Test
    void aChangedBodyOrSignatureIsRefused() {
        RequestSignature signature = at(1531420618L);
        assertThat(signature.valid(TIMESTAMP, BODY + "&x=1", EXPECTED)).isFalse();
        assertThat(signature.valid(TIMESTAMP, BODY, EXPECTED.replace('a', 'b'))).isFalse();
        assertThat(signature.valid(TIMESTAMP, BODY, EXPECTED.substring(0, 20))).isFalse();
        assertThat(signature.valid(TIMESTAMP, BODY, "")).isFalse();
        assertThat(new RequestSignature("another-secret", Clock.fixed(Instant.ofEpochSecond(1531420618L), ZoneOffset.UTC))
                .valid(TIMESTAMP, BODY, EXPECTED)).isFalse();
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayInEitherDirectionAreRefused() {
        assertThat(at(1531420618L + 300).valid(TIMESTAMP, BODY, EXPECTED)).isTrue();
        assertThat(at(1531420618L - 300).valid(TIMESTAMP, BODY, EXPECTED)).isTrue();
        assertThat(at(1531420618L + 301).valid(TIMESTAMP, BODY, EXPECTED)).isFalse();
        assertThat(at(1531420618L - 301).valid(TIMESTAMP, BODY, EXPECTED)).isFalse();
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        RequestSignature signature = at(1531420618L);
        assertThat(signature.valid(null, BODY, EXPECTED)).isFalse();
        assertThat(signature.valid(TIMESTAMP, BODY, null)).isFalse();
        assertThat(signature.valid("yesterday", BODY, EXPECTED)).isFalse();
        assertThat(signature.valid(TIMESTAMP, null, EXPECTED)).isFalse();
    }

    @Test
    void danishLettersAreSignedAsUtf8() {
        RequestSignature signature = at(1531420618L);
        String body = "text=" + "ny “Målinger i Ærø” opstart";
        String signed = signature.sign(TIMESTAMP, body);
        assertThat(signature.valid(TIMESTAMP, body, signed)).isTrue();
        assertThat(signature.valid(TIMESTAMP, body.replace('Æ', 'A'), signed)).isFalse();
    }
}
