package dev.kafkasim.core.internal;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders Typesafe Config origins as {@code file:line}, the form used in every configuration problem. */
public final class Origins {
    private Origins() {}

    /**
     * Returns {@code file:line} for a file origin, the origin's description otherwise, or {@code null} for none.
     *
     * @param origin the origin of a value, or {@code null}
     */
    public static String describe(ConfigOrigin origin) {
        if (origin == null) {
            return null;
        }
        String name = origin.filename();
        if (name == null && origin.url() != null) {
            String url = origin.url().toString();
            name = url.substring(url.lastIndexOf('/') + 1);
        }
        if (name == null) {
            name = origin.resource();
        }
        if (name == null) {
            return describeWithoutFile(origin);
        } else {
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            name = name.substring(slash + 1);
        }
        return origin.lineNumber() > 0 ? name + ":" + origin.lineNumber() : name;
    }

    /** Description of an origin without a file, such as {@code builder} or {@code scenario:12}. */
    private static String describeWithoutFile(ConfigOrigin origin) {
        String description = origin.description().replaceFirst(": [0-9]+(-[0-9]+)?$", "");
        if (description.startsWith(BUILDER) || origin.lineNumber() <= 0) {
            return description;
        }
        return description + ":" + origin.lineNumber();
    }

    /** Origin description of values set through {@code SimulationSpec.builder()}; their line numbers only order them. */
    public static final String BUILDER = "SimulationSpec.builder()";

    /**
     * Returns an object's entries in declared order: by line, then by name, since Typesafe Config objects keep no
     * order. Values on one line keep name order.
     *
     * @param object the object
     */
    public static List<Map.Entry<String, ConfigValue>> declaredOrder(ConfigObject object) {
        List<Map.Entry<String, ConfigValue>> sorted = new ArrayList<>(object.entrySet());
        sorted.sort((a, b) -> {
            int byLine = Integer.compare(
                    a.getValue().origin().lineNumber(), b.getValue().origin().lineNumber());
            return byLine != 0 ? byLine : a.getKey().compareTo(b.getKey());
        });
        return sorted;
    }
}
