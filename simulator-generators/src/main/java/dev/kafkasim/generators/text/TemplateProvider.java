package dev.kafkasim.generators.text;

import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GenerationContext;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.core.spi.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates {@code template} generators: text built from a {@code template} in which {@code ${name}} is replaced by
 * the value of an earlier field of the same record, and {@code ${seq}}, {@code ${key}}, {@code ${stream}} and
 * {@code ${event-time}} by the record's sequence number, key, stream name and event time in epoch milliseconds.
 * {@code $$} writes a literal {@code $}. Write the template in quotes, so that HOCON does not read
 * {@code ${...}} as its own substitution.
 *
 * <p>Loading fails when a reference names a field that the stream does not declare before this one.
 *
 * <pre>{@code reading_id { type = template, template = "${device_id}-${seq}" }}</pre>
 */
public final class TemplateProvider implements GeneratorProvider {
    /** The reference names that read the record itself rather than a field. */
    static final Set<String> RECORD_NAMES = Set.of("seq", "key", "stream", "event-time");

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public TemplateProvider() {}

    @Override
    public String type() {
        return "template";
    }

    @Override
    public String description() {
        return "text with ${field} replaced by earlier fields of the record, and ${seq}, ${key}, ${stream}";
    }

    @Override
    public FieldGenerator create(GeneratorSpec spec) {
        spec.declare(ValueType.STRING);
        String template = spec.getString("template");
        List<Part> parts = new ArrayList<>();
        String error = parse(template, parts);
        if (error != null) {
            spec.reject(
                    "template", "\"" + template + "\"", "a template such as \"${device_id}-${seq}\" (" + error + ")");
            return context -> null;
        }
        if (!checkReferences(spec, template, parts)) {
            return context -> null;
        }
        Part[] compiled = parts.toArray(Part[]::new);
        return context -> {
            StringBuilder text = new StringBuilder();
            for (Part part : compiled) {
                part.append(text, context);
            }
            return text.toString();
        };
    }

    /**
     * Records a problem for each field reference that is not a field declared before this one, when the spec lists
     * its stream's fields; returns whether all references are valid.
     */
    private static boolean checkReferences(GeneratorSpec spec, String template, List<Part> parts) {
        if (!spec.catalog().streams().contains(spec.stream())) {
            return true;
        }
        List<String> before = spec.fieldsBefore();
        List<String> all = spec.catalog().fields(spec.stream());
        boolean valid = true;
        for (Part part : parts) {
            if (part instanceof FieldReference reference && !before.contains(reference.name())) {
                String reason = all.contains(reference.name())
                        ? "field '" + reference.name() + "' is declared after '" + spec.field()
                                + "'; a template reads only fields declared before it"
                        : "unknown field '" + reference.name() + "'";
                spec.reject(
                        "template",
                        "\"" + template + "\"",
                        "references to fields declared before this one ("
                                + (before.isEmpty() ? "none" : String.join(", ", before))
                                + ") or to seq, key, stream, event-time: " + reason);
                valid = false;
            }
        }
        return valid;
    }

    /** Splits a template into parts, and returns a description of the first syntax error or {@code null}. */
    static String parse(String template, List<Part> parts) {
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '$') {
                literal.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                int end = template.indexOf('}', i + 2);
                if (end < 0) {
                    return "${ at position " + i + " has no closing }";
                }
                String name = template.substring(i + 2, end).trim();
                if (name.isEmpty()) {
                    return "empty reference ${} at position " + i;
                }
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(reference(name));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return null;
    }

    private static Part reference(String name) {
        switch (name) {
            case "seq":
                return (text, context) -> text.append(context.sequence());
            case "key":
                return (text, context) -> text.append(context.key());
            case "stream":
                return (text, context) -> text.append(context.stream());
            case "event-time":
                return (text, context) -> text.append(context.eventTime());
            default:
                return new FieldReference(name);
        }
    }

    private record FieldReference(String name) implements Part {
        @Override
        public void append(StringBuilder text, GenerationContext context) {
            text.append(context.field(name));
        }
    }

    /** One piece of a template. */
    @FunctionalInterface
    interface Part {
        void append(StringBuilder text, GenerationContext context);
    }

    private record Literal(String text) implements Part {
        @Override
        public void append(StringBuilder builder, GenerationContext context) {
            builder.append(text);
        }
    }
}
