package dk.vum.barometer.core.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The building blocks of a neutral {@link Message}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
        @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
        @JsonSubTypes.Type(value = Block.Context.class, name = "context"),
        @JsonSubTypes.Type(value = Block.BulletList.class, name = "list"),
        @JsonSubTypes.Type(value = Block.Fields.class, name = "fields"),
        @JsonSubTypes.Type(value = Block.Question.class, name = "question"),
        @JsonSubTypes.Type(value = Block.Actions.class, name = "actions"),
        @JsonSubTypes.Type(value = Block.Form.class, name = "form"),
        @JsonSubTypes.Type(value = Block.Bars.class, name = "bars"),
        @JsonSubTypes.Type(value = Block.FieldError.class, name = "fieldError"),
})
public sealed interface Block {

    /** Text for notifications and fallbacks. */
    String plainText();

    record Heading(String text) implements Block {
        public String plainText() {
            return text;
        }
    }

    record Paragraph(String text) implements Block {
        public String plainText() {
            return text;
        }
    }

    /** Small print: progress, hints, sources. */
    record Context(String text) implements Block {
        public String plainText() {
            return text;
        }
    }

    record BulletList(List<String> items) implements Block {
        public BulletList {
            items = List.copyOf(items);
        }

        public String plainText() {
            return items.stream().map(i -> "• " + i).collect(Collectors.joining("\n"));
        }
    }

    /** Label/value pairs, e.g. a status overview. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }

        public String plainText() {
            return fields.stream().map(f -> f.label() + ": " + f.value()).collect(Collectors.joining("\n"));
        }
    }

    record Field(String label, String value) {
    }

    /**
     * A questionnaire statement with its answer choices and progress ("Spørgsmål 4 af 18").
     *
     * @param selected the value of the choice already given, or null
     */
    record Question(String theme, String statement, int number, int total, String progressText,
                    List<Button> choices, String selected) implements Block {
        public Question {
            choices = List.copyOf(choices);
        }

        public String plainText() {
            String options = choices.stream().map(c -> c.value() + " " + c.label()).collect(Collectors.joining(" | "));
            return theme + "\n" + statement + "\n" + options + "\n" + progressText;
        }
    }

    /** A row of buttons. */
    record Actions(List<Button> buttons) implements Block {
        public Actions {
            buttons = List.copyOf(buttons);
        }

        public String plainText() {
            return buttons.stream().map(b -> "[" + b.label() + "]").collect(Collectors.joining(" "));
        }
    }

    /** A button: pressing it sends a {@link Inbound.ButtonInput} with this action and value. */
    record Button(String label, String action, String value, ButtonStyle style) {
        public static Button of(String label, String action, String value) {
            return new Button(label, action, value, ButtonStyle.DEFAULT);
        }
    }

    enum ButtonStyle { DEFAULT, PRIMARY, DANGER }

    /**
     * A form; submitting it sends a {@link Inbound.FormInput} with {@code formId} and the values,
     * plus the {@code hidden} values unchanged.
     */
    record Form(String formId, String title, List<FormField> fields, String submitLabel,
                Map<String, String> hidden) implements Block {
        public Form {
            fields = List.copyOf(fields);
            hidden = hidden == null ? Map.of() : Map.copyOf(hidden);
        }

        public String plainText() {
            return title;
        }
    }

    /** {@code maxLength}: the most characters the bot accepts in a text field (null: the platform's limit). */
    record FormField(String name, String label, FieldType type, boolean required, String initialValue,
                     List<Option> options, String hint, Integer maxLength) {
        public FormField {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public FormField(String name, String label, FieldType type, boolean required, String initialValue,
                         List<Option> options, String hint) {
            this(name, label, type, required, initialValue, options, hint, null);
        }
    }

    /** USERS and CHANNEL let platforms show their own pickers; the value is a comma-separated list of ids. */
    enum FieldType { TEXT, MULTILINE, DATE, SELECT, USERS, CHANNEL }

    record Option(String value, String label) {
    }

    /** A small bar chart: one bar per label, value out of max, with the number as text. */
    record Bars(String title, List<Bar> bars) implements Block {
        public Bars {
            bars = List.copyOf(bars);
        }

        public String plainText() {
            return title + "\n" + bars.stream().map(b -> b.label() + ": " + b.valueText()).collect(Collectors.joining("\n"));
        }
    }

    record Bar(String label, double value, double max, String valueText) {
    }

    /**
     * A submitted form was refused because of one field (a deadline in the past): platforms that keep the
     * form open show the text at that field; others show it as a message.
     */
    record FieldError(String field, String text) implements Block {
        public String plainText() {
            return text;
        }
    }
}
