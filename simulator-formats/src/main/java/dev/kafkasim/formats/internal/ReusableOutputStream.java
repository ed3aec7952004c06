package dev.kafkasim.formats.internal;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An unsynchronized, growable byte buffer that an encoder keeps between records, so that encoding a record allocates
 * only its result array. Besides the stream methods, it takes JSON text that needs no escaping directly.
 */
final class ReusableOutputStream extends OutputStream {
    private byte[] buffer = new byte[256];
    private int count;

    @Override
    public void write(int b) {
        ensureCapacity(count + 1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        ensureCapacity(count + length);
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    /** Writes the low byte of each of the first {@code length} characters, which must all be ASCII. */
    void writeAscii(char[] text, int length) {
        ensureCapacity(count + length);
        for (int i = 0; i < length; i++) {
            buffer[count + i] = (byte) text[i];
        }
        count += length;
    }

    /** Writes a long as decimal digits, with a minus sign when negative. */
    void writeLong(long value) {
        ensureCapacity(count + 20);
        if (value < 0) {
            buffer[count++] = '-';
        }
        // Digits are taken from the negative of the magnitude, which also represents Long.MIN_VALUE.
        long negative = value < 0 ? value : -value;
        int digits = 1;
        for (long bound = -10; negative <= bound && digits < 19; bound *= 10) {
            digits++;
        }
        for (int i = count + digits - 1; i >= count; i--) {
            buffer[i] = (byte) ('0' - negative % 10);
            negative /= 10;
        }
        count += digits;
    }

    /**
     * Writes a string in double quotes when every character is printable ASCII other than a quote or a backslash,
     * which JSON takes as they are.
     *
     * @return {@code false}, with nothing written, when the string contains any other character
     */
    boolean writePlainQuoted(String text) {
        int length = text.length();
        ensureCapacity(count + length + 2);
        int position = count;
        buffer[position++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
            buffer[position++] = (byte) c;
        }
        buffer[position++] = '"';
        count = position;
        return true;
    }

    /** Returns the number of bytes written since the last reset. */
    int size() {
        return count;
    }

    /** Returns a copy of the bytes from {@code from} to the end. */
    byte[] copyFrom(int from) {
        return Arrays.copyOfRange(buffer, from, count);
    }

    /** Discards the bytes from {@code size} to the end. */
    void truncate(int size) {
        count = size;
    }

    /** Returns a copy of the bytes written since the last reset. */
    byte[] toByteArray() {
        return Arrays.copyOf(buffer, count);
    }

    /** Discards the bytes written, keeping the buffer for the next record. */
    void reset() {
        count = 0;
    }

    private void ensureCapacity(int required) {
        if (required > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(required, buffer.length * 2));
        }
    }
}
