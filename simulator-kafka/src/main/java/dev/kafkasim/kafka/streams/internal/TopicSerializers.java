package dev.kafkasim.kafka.streams.internal;

import dev.kafkasim.core.RecordValue;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The key and value serializers of one input topic. Each accepts either an {@link Encoded} payload, which it passes
 * through as it is, or a record's key or value, which it converts and hands to the application's serializer.
 *
 * @param key the application's key serializer with its converter, or {@code null} for format bytes only
 * @param value the application's value serializer with its converter, or {@code null} for format bytes only
 */
public record TopicSerializers(Converting<Object> key, Converting<RecordValue> value) {
    /** Serializers that only pass format bytes through. */
    public static final TopicSerializers NONE = new TopicSerializers(null, null);

    /** Returns whether keys go through the application's serializer. */
    public boolean hasKeySerializer() {
        return key != null;
    }

    /** Returns whether values go through the application's serializer. */
    public boolean hasValueSerializer() {
        return value != null;
    }

    /** Returns a copy with the given key serializer. */
    public <K> TopicSerializers withKey(Serializer<K> serializer, Function<Object, ? extends K> converter) {
        return new TopicSerializers(new Converting<>(serializer, converter), value);
    }

    /** Returns a copy with the given value serializer. */
    public <V> TopicSerializers withValue(
            Serializer<V> serializer, Function<? super RecordValue, ? extends V> converter) {
        return new TopicSerializers(key, new Converting<>(serializer, converter));
    }

    /** Returns the serializer for the topic's keys. */
    public Serializer<Object> keySerializer() {
        return new PassThrough<>(key, Object.class);
    }

    /** Returns the serializer for the topic's values. */
    public Serializer<Object> valueSerializer() {
        return new PassThrough<>(value, RecordValue.class);
    }

    /**
     * Bytes already encoded by a format, or a raw payload, that the serializers pass through unchanged.
     *
     * @param bytes the bytes to pipe
     */
    public record Encoded(byte[] bytes) {}

    /**
     * An application serializer with the function that converts a record's key or value into its type.
     *
     * @param <T> what the converter accepts
     */
    public static final class Converting<T> {
        private final Serializer<Object> serializer;
        private final Function<? super T, ?> converter;

        @SuppressWarnings("unchecked")
        <S> Converting(Serializer<S> serializer, Function<? super T, ? extends S> converter) {
            // The converter's result type is the serializer's input type, so the widened serializer only ever
            // receives values of its own type.
            this.serializer = (Serializer<Object>) serializer;
            this.converter = converter;
        }

        byte[] serialize(String topic, Headers headers, T data) {
            return serializer.serialize(topic, headers, converter.apply(data));
        }
    }

    private static final class PassThrough<T> implements Serializer<Object> {
        private final Converting<T> converting;
        private final Class<T> type;

        PassThrough(Converting<T> converting, Class<T> type) {
            this.converting = converting;
            this.type = type;
        }

        @Override
        public byte[] serialize(String topic, Object data) {
            return serialize(topic, null, data);
        }

        @Override
        public byte[] serialize(String topic, Headers headers, Object data) {
            if (data == null) {
                return null;
            }
            if (data instanceof Encoded encoded) {
                return encoded.bytes();
            }
            if (converting == null) {
                throw new IllegalStateException(
                        "no serializer for " + data.getClass().getName() + " on topic '" + topic + "'");
            }
            return converting.serialize(topic, headers, type.cast(data));
        }
    }
}
