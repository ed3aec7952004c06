/** Tests that every generated record ends acknowledged or failed, whichever way a run ends. */
package dev.kafkasim.core.accounting;
