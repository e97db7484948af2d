package dk.vum.barometer.core.i18n;

import dk.vum.barometer.content.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextsTest {

    @Test
    void danishAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("texts_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("texts_da.properties").stringPropertyNames());
    }

    @Test
    void formatsArgumentsInTheChosenLanguage() {
        assertThat(Texts.t(Language.DA, "question.progress", 4, 18)).isEqualTo("Spørgsmål 4 af 18");
        assertThat(Texts.t(Language.EN, "question.progress", 4, 18)).isEqualTo("Question 4 of 18");
        assertThatThrownBy(() -> Texts.t(Language.DA, "no.such.key")).isInstanceOf(IllegalStateException.class);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = TextsTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
