/**
 * A test kit for generator plugins, shipped in this module's test jar: a {@link
 * dev.kafkasim.core.spi.GenerationContext} that a test controls, a way to create generators from HOCON text, and
 * {@link dev.kafkasim.generators.testkit.GeneratorContractTest}, which a plugin's test extends to inherit the
 * checks every generator must pass.
 */
package dev.kafkasim.generators.testkit;
