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
        @JsonSubTypes.Type(value = Block.Image.class, name = "image"),
        @JsonSubTypes.Type(value = Block.File.class, name = "file"),
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
     * @param selected      the scale value of the answer already given ("3"), or null
     * @param selectedValue the {@link Button#value()} of the choice already given, exactly as one of
     *                      {@code choices} carries it, or null: renderers mark the choice whose value equals it
     */
    record Question(String theme, String statement, int number, int total, String progressText,
                    List<Button> choices, String selected, String selectedValue) implements Block {
        public Question {
            choices = List.copyOf(choices);
            if (selectedValue != null && choices.stream().noneMatch(c -> selectedValue.equals(c.value()))) {
                throw new IllegalArgumentException("selectedValue is none of the choices: " + selectedValue);
            }
        }

        /** Whether this choice is the answer already given. */
        public boolean isSelected(Button choice) {
            return selectedValue != null && selectedValue.equals(choice.value());
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

    record FormField(String name, String label, FieldType type, boolean required, String initialValue,
                     List<Option> options, String hint) {
        public FormField {
            options = options == null ? List.of() : List.copyOf(options);
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
     * A picture, e.g. a chart, served by the bot (see {@code FileLinks}); {@code alt} says the same in
     * words, for screen readers and for platforms that cannot show it.
     *
     * @param url absolute, or relative to the bot's server when no public address is configured
     */
    record Image(String url, String alt) implements Block {
        public String plainText() {
            return alt;
        }
    }

    /** A file to open or download (a PDF, a CSV), served by the bot like {@link Image}. */
    record File(String url, String name, String mediaType) implements Block {
        public String plainText() {
            return name;
        }
    }
}
