/**
 * The dashboard: a page on 127.0.0.1 that starts, pauses, resumes and stops a simulation, shows live charts of its
 * rates, counts and latency, and the small HTTP API behind the page. {@link DashboardServer} is the entry point.
 */
package dev.kafkasim.examples.dashboard;
