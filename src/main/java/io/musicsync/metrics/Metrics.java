package io.musicsync.metrics;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;

/**
 * One process's metrics: a Prometheus registry with the JVM and process metrics bound, and the text page
 * {@code /metrics} serves. Built once by the composition root; every instrument takes it explicitly.
 */
public final class Metrics implements AutoCloseable {

    /**
     * Two of Micrometer's standard meters break Prometheus' naming rules ({@code promtool check metrics}): the
     * process CPU time in nanoseconds (replaced by {@code process_cpu_seconds_total}, Prometheus' own name) and a
     * {@code _count} suffix on a gauge (renamed).
     */
    private static final MeterFilter NANOSECOND_CPU_TIME =
            MeterFilter.deny(id -> id.getName().equals("process.cpu.time"));

    private static final MeterFilter CPU_COUNT = new MeterFilter() {
        @Override
        public Meter.Id map(Meter.Id id) {
            return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.cores") : id;
        }
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics(String application) {
        registry.config()
                .commonTags("application", application)
                .meterFilter(NANOSECOND_CPU_TIME)
                .meterFilter(CPU_COUNT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, b -> b.getProcessCpuTime() / 1e9)
                    .description("CPU time used by this process")
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
