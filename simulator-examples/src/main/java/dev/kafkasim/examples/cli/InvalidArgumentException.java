package dev.kafkasim.examples.cli;

import dev.kafkasim.core.KafkasimException;

/** Thrown for a command-line argument that names no usable scenario; the command exits with code 2. */
final class InvalidArgumentException extends KafkasimException {
    private static final long serialVersionUID = 1L;

    InvalidArgumentException(String message) {
        super(message);
    }
}
