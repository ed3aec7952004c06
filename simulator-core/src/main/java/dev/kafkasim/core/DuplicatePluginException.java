package dev.kafkasim.core;

/**
 * Thrown at start-up when two plugins of one kind claim the same type name, so that neither silently replaces the
 * other.
 */
public final class DuplicatePluginException extends KafkasimException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String typeName;
    private final String firstClass;
    private final String secondClass;

    /**
     * Creates an exception naming both providers.
     *
     * @param kind the plugin kind, such as {@code generator}
     * @param typeName the type name both providers claim
     * @param firstClass the class name of the provider found first
     * @param secondClass the class name of the provider found second
     */
    public DuplicatePluginException(String kind, String typeName, String firstClass, String secondClass) {
        super("Two " + kind + " providers claim the type name '" + typeName + "': " + firstClass + " and " + secondClass
                + ". Remove one of them from the class path, or give one another type name.");
        this.kind = kind;
        this.typeName = typeName;
        this.firstClass = firstClass;
        this.secondClass = secondClass;
    }

    /** Returns the plugin kind, such as {@code generator}, {@code sink} or {@code format}. */
    public String kind() {
        return kind;
    }

    /** Returns the type name both providers claim. */
    public String typeName() {
        return typeName;
    }

    /** Returns the class name of the provider found first. */
    public String firstClass() {
        return firstClass;
    }

    /** Returns the class name of the provider found second. */
    public String secondClass() {
        return secondClass;
    }
}
