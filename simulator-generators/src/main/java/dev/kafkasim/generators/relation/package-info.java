/** Generators that relate a stream's records to the records of other streams, such as orders to customers. */
package dev.kafkasim.generators.relation;
