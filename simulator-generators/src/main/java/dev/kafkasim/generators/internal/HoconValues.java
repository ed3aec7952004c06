package dev.kafkasim.generators.internal;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import dev.kafkasim.core.RecordSchema;
import dev.kafkasim.core.RecordValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Converts HOCON values into field values: whole numbers to {@link Long}, objects to {@link RecordValue}. */
public final class HoconValues {
    private HoconValues() {}

    /**
     * Returns the field value for a HOCON value: {@code null}, {@link Boolean}, {@link Long} for whole numbers,
     * {@link Double} for other numbers, {@link String}, an unmodifiable {@link List}, or a {@link RecordValue} whose
     * fields follow the declared order of the object's keys.
     */
    public static Object toFieldValue(ConfigValue value) {
        switch (value.valueType()) {
            case NULL:
                return null;
            case LIST:
                return toList((ConfigList) value);
            case OBJECT:
                return toRecord((ConfigObject) value);
            case NUMBER:
                return toNumber((Number) value.unwrapped());
            default:
                return value.unwrapped();
        }
    }

    /** Returns whether a HOCON value was written as a whole number, such as {@code 42} rather than {@code 42.0}. */
    public static boolean isWholeNumber(ConfigValue value) {
        Object unwrapped = value.unwrapped();
        return unwrapped instanceof Integer || unwrapped instanceof Long;
    }

    private static Object toNumber(Number number) {
        if (number instanceof Integer || number instanceof Long) {
            return number.longValue();
        }
        return number.doubleValue();
    }

    private static List<Object> toList(ConfigList list) {
        List<Object> values = new ArrayList<>(list.size());
        for (ConfigValue item : list) {
            values.add(toFieldValue(item));
        }
        return Collections.unmodifiableList(values);
    }

    private static RecordValue toRecord(ConfigObject object) {
        List<Map.Entry<String, ConfigValue>> entries = declaredOrder(object);
        String[] names = new String[entries.size()];
        Object[] values = new Object[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            names[i] = entries.get(i).getKey();
            values[i] = toFieldValue(entries.get(i).getValue());
        }
        return RecordValue.of(RecordSchema.of(names), values);
    }

    /** Returns an object's entries in declared order (by line, then by name), since HOCON objects keep no order. */
    public static List<Map.Entry<String, ConfigValue>> declaredOrder(ConfigObject object) {
        List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(object.entrySet());
        entries.sort(Comparator.<Map.Entry<String, ConfigValue>>comparingInt(
                        entry -> entry.getValue().origin().lineNumber())
                .thenComparing(Map.Entry::getKey));
        return entries;
    }

    /**
     * Returns the names of keys that share a line with another key of the object, one list per line, each sorted
     * by name. HOCON objects keep no key order and only the line survives, so such keys have no declared order.
     * Values made through {@code SimulationSpec.builder()} are skipped, since their line numbers are a counter.
     */
    public static List<List<String>> keysSharingALine(ConfigObject object) {
        Map<Integer, List<String>> byLine = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            ConfigOrigin origin = entry.getValue().origin();
            if (origin.lineNumber() > 0 && !origin.description().startsWith("SimulationSpec.builder()")) {
                byLine.computeIfAbsent(origin.lineNumber(), line -> new ArrayList<>())
                        .add(entry.getKey());
            }
        }
        List<List<String>> shared = new ArrayList<>();
        for (List<String> names : byLine.values()) {
            if (names.size() > 1) {
                names.sort(null);
                shared.add(names);
            }
        }
        return shared;
    }
}
