/** Generators of text and identifiers: formatted ids, templates, UUIDs, timestamps and Datafaker expressions. */
package dev.kafkasim.generators.text;
