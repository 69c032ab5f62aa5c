package io.hypercast.ui.hpo;

import io.hypercast.engine.models.HyperparameterSpec;
import io.hypercast.engine.models.ModelKind;
import io.hypercast.model.Choice;
import io.hypercast.model.Constant;
import io.hypercast.model.Distribution;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.LogUniform;
import io.hypercast.model.Num;
import io.hypercast.model.ParamValues;
import io.hypercast.model.QLogUniform;
import io.hypercast.model.QUniform;
import io.hypercast.model.Uniform;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of the search-space table: a hyperparameter, a distribution and its fields as typed.
 * {@link #build()} turns them into the model's Distribution record, whose constructor is the rule.
 */
public final class SearchSpaceRow {
    public static final List<String> TYPES = List.of("Uniform", "QUniform", "LogUniform", "QLogUniform", "Choice", "Constant");

    private final StringProperty parameter = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty("Uniform");
    private final StringProperty lower = new SimpleStringProperty("");
    private final StringProperty upper = new SimpleStringProperty("");
    private final StringProperty q = new SimpleStringProperty("");
    private final StringProperty base = new SimpleStringProperty("10");
    private final StringProperty choices = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public StringProperty parameterProperty() {
        return parameter;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty lowerProperty() {
        return lower;
    }

    public StringProperty upperProperty() {
        return upper;
    }

    public StringProperty qProperty() {
        return q;
    }

    public StringProperty baseProperty() {
        return base;
    }

    public StringProperty choicesProperty() {
        return choices;
    }

    /** The row's problem in words, empty when it is fine. */
    public StringProperty errorProperty() {
        return error;
    }

    public boolean uses(String field) {
        String t = type.get();
        return switch (field) {
            case "lower", "upper" -> !t.equals("Choice") && !t.equals("Constant");
            case "q" -> t.startsWith("Q");
            case "base" -> t.contains("Log");
            case "choices" -> t.equals("Choice") || t.equals("Constant");
            default -> true;
        };
    }

    /** Fills the row from a stored distribution. */
    public void set(String name, Distribution d) {
        parameter.set(name);
        type.set(d.type());
        lower.set("");
        upper.set("");
        q.set("");
        base.set("10");
        choices.set("");
        if (d instanceof Uniform u) {
            lower.set(Num.format(u.lower()));
            upper.set(Num.format(u.upper()));
        } else if (d instanceof QUniform u) {
            lower.set(Num.format(u.lower()));
            upper.set(Num.format(u.upper()));
            q.set(Num.format(u.q()));
        } else if (d instanceof LogUniform u) {
            lower.set(Num.format(u.lower()));
            upper.set(Num.format(u.upper()));
            base.set(Num.format(u.base()));
        } else if (d instanceof QLogUniform u) {
            lower.set(Num.format(u.lower()));
            upper.set(Num.format(u.upper()));
            q.set(Num.format(u.q()));
            base.set(Num.format(u.base()));
        } else if (d instanceof Choice c) {
            choices.set(c.choices().stream().map(SearchSpaceRow::literal).collect(Collectors.joining(", ")));
        } else if (d instanceof Constant c) {
            choices.set(literal(c.value()));
        }
    }

    /** Picks another hyperparameter; the distribution is kept unless it cannot suit the new one. */
    public void choose(HyperparameterSpec h) {
        if (h == null || h.name().equals(parameter.get())) {
            return;
        }
        boolean numericDistribution = uses("lower");
        if (numericDistribution != h.numeric()) {
            startWith(h);
        } else {
            parameter.set(h.name());
        }
    }

    /** A sensible starting distribution for a parameter: its allowed values, or a range around its default. */
    public void startWith(HyperparameterSpec h) {
        parameter.set(h.name());
        lower.set("");
        upper.set("");
        q.set("");
        base.set("10");
        choices.set("");
        switch (h.type()) {
            case STRING -> {
                type.set("Choice");
                choices.set(String.join(", ", h.allowed()));
            }
            case BOOLEAN -> {
                type.set("Choice");
                choices.set("true, false");
            }
            case INT -> {
                type.set("QUniform");
                q.set("1");
            }
            default -> type.set("Uniform");
        }
    }

    /** The distribution these fields describe, or an InvalidInputException naming the field and the rule. */
    public Distribution build() {
        String t = type.get();
        return switch (t) {
            case "Uniform" -> new Uniform(num("lower", lower.get()), num("upper", upper.get()));
            case "QUniform" -> new QUniform(num("lower", lower.get()), num("upper", upper.get()), num("q", q.get()));
            case "LogUniform" -> new LogUniform(num("lower", lower.get()), num("upper", upper.get()), num("base", base.get()));
            case "QLogUniform" -> new QLogUniform(num("lower", lower.get()), num("upper", upper.get()), num("q", q.get()),
                    num("base", base.get()));
            case "Choice" -> new Choice(values(choices.get()));
            case "Constant" -> {
                List<Object> v = values(choices.get());
                if (v.size() != 1) {
                    throw new InvalidInputException("value", "a Constant takes exactly one value, got " + v.size());
                }
                yield new Constant(v.get(0));
            }
            default -> throw new InvalidInputException("type", "'" + t + "' is not a distribution (" + String.join(", ", TYPES) + ")");
        };
    }

    /** Checks the row against the model kind: the distribution's own rules, then the parameter's range. */
    public String check(ModelKind kind) {
        if (parameter.get() == null || parameter.get().isBlank()) {
            return "choose a hyperparameter";
        }
        try {
            Distribution d = build();
            kind.validate(new io.hypercast.model.SearchSpace(java.util.Map.of(parameter.get(), d)));
            return "";
        } catch (InvalidInputException e) {
            String msg = e.getMessage();
            return msg.startsWith("search_space.") ? msg.substring("search_space.".length()) : parameter.get() + "." + msg;
        }
    }

    static double num(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + text.strip() + "' is not a number");
        }
    }

    /** Comma-separated values: numbers, true/false, null, or text (quotes optional). */
    static List<Object> values(String text) {
        List<Object> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("choices", "list at least one value, separated by commas");
        }
        for (String raw : text.split(",")) {
            String s = raw.strip();
            if (s.isEmpty()) {
                throw new InvalidInputException("choices", "an empty value in '" + text.strip() + "'");
            }
            out.add(value(s));
        }
        return out;
    }

    static Object value(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        switch (s) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                break;
        }
        if (s.matches("[-+]?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    static String literal(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return s.equals("true") || s.equals("false") || s.equals("null") || s.contains(",") || looksNumeric(s) ? "'" + s + "'" : s;
        }
        return ParamValues.display(v);
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
