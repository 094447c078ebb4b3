/**
 * Benchmark support shipped in the jar but off by default: a data generator that fills the database
 * through the application's own services (see {@code bench/README.md}). Active only with
 * {@code slbdoctor.bench.instances} set, and only in sandbox mode.
 */
package org.slbdoctor.bench;
