package dev.kafkasim.formats.internal;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An unsynchronized, growable byte buffer that an encoder keeps between records, so that encoding a record allocates
 * only its result array.
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
