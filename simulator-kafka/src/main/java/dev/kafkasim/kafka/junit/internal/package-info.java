/** Internals of the JUnit extension: class set-up, broker backends, scenario loading and injection. Not API. */
package dev.kafkasim.kafka.junit.internal;
