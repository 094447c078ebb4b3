package org.slbdoctor.bench;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code slbdoctor.bench.*}: what {@link BenchDataGenerator} creates.
 *
 * @param instances generated sandbox instances to register (the sandbox must generate at least as many:
 *        {@code slbdoctor.sandbox.generated-instances})
 * @param diagnoses diagnoses to run in total, spread evenly over the instances
 * @param concurrency diagnoses run at the same time
 * @param exit stop the application once the data is there
 */
@ConfigurationProperties("slbdoctor.bench")
public record BenchDataProperties(Integer instances, Integer diagnoses, Integer concurrency, Boolean exit) {

    public BenchDataProperties {
        instances = instances == null ? 0 : Math.max(0, instances);
        diagnoses = diagnoses == null ? 0 : Math.max(0, diagnoses);
        concurrency = concurrency == null ? 4 : Math.max(1, concurrency);
        exit = exit == null || exit;
    }
}
