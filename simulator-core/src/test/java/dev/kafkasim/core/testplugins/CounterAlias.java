package dev.kafkasim.core.testplugins;

/** A second provider claiming the type name {@code counter}, listed only by the duplicate-plugin test. */
public final class CounterAlias extends DelegatingCounter {}
