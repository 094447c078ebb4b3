
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.slbdoctor.SlbDoctorApplication;
import org.slbdoctor.diagnosis.DiagnosisRecord;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.report.DiagnosisReport;
import org.slbdoctor.report.PdfRecordRenderer;
import org.slbdoctor.report.ReportService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PDF record benchmark (bench/pdf.sh): the sandbox's 50-listener x 20-backend instance is diagnosed
 * as POST .../diagnoses does (collected through the real SDK client, checked, stored); its record is
 * then rendered warm N times. Prints the median and p90 of (a) the PDF rendering alone (wall clock
 * and CPU time of the rendering thread, the fair figure on a shared machine) and (b) report build
 * from the database + rendering (what GET .../record.pdf does), the file size and the page count.
 */
public final class PdfRecordBench {

    static final String LB = "lb-bp1hzdlarge50x20g6i8k1";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SlbDoctorApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
                        "spring.datasource.url=jdbc:h2:mem:pdfbench;DB_CLOSE_DELAY=-1",
                        "slbdoctor.sandbox.enabled=true", "slbdoctor.admin.password=bench-only-password-1")
                .run()) {
            SlbInstanceRepository instances = ctx.getBean(SlbInstanceRepository.class);
            if (instances.findByLoadBalancerId(LB).isEmpty()) { // sandbox mode may have registered it already
                instances.save(new SlbInstance(LB, "cn-hangzhou", Instant.now(), "bench"));
            }
            DiagnosisRecord run = ctx.getBean(DiagnosisService.class).run(LB, "bench");
            long id = run.id();

            ReportService reports = ctx.getBean(ReportService.class);
            PdfRecordRenderer renderer = ctx.getBean(PdfRecordRenderer.class);
            DiagnosisReport report = reports.build(LB, id, Locale.ENGLISH);
            System.out.printf("instance %s: %d listeners, %d backends, %d API calls, verdict %s%n", LB,
                    report.listeners().size(), report.backends().size(), report.apiCalls().size(), run.verdict());

            byte[] pdf = null;
            for (int i = 0; i < warmup; i++) {
                pdf = renderer.render(reports.build(LB, id, Locale.ENGLISH));
            }
            List<Double> renderOnly = new ArrayList<>();
            List<Double> renderCpu = new ArrayList<>();
            List<Double> endToEnd = new ArrayList<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                DiagnosisReport r = reports.build(LB, id, Locale.ENGLISH);
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                pdf = renderer.render(r);
                long c2 = threads.getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                renderOnly.add((t2 - t1) / 1e6);
                renderCpu.add((c2 - c1) / 1e6);
                endToEnd.add((t2 - t0) / 1e6);
            }
            // the template step alone (Thymeleaf + PdfEvidence), the rest of the render being openhtmltopdf
            java.lang.reflect.Method xhtml = PdfRecordRenderer.class.getDeclaredMethod("xhtml", DiagnosisReport.class);
            xhtml.setAccessible(true);
            List<Double> templateCpu = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                DiagnosisReport r = reports.build(LB, id, Locale.ENGLISH);
                long c1 = threads.getCurrentThreadCpuTime();
                xhtml.invoke(renderer, r);
                templateCpu.add((threads.getCurrentThreadCpuTime() - c1) / 1e6);
            }
            byte[] zh = renderer.render(reports.build(LB, id, Locale.SIMPLIFIED_CHINESE));
            Path out = Path.of("target", "bench-pdf");
            Files.createDirectories(out);
            Files.write(out.resolve("record-large.pdf"), pdf);
            Files.write(out.resolve("record-large-zh.pdf"), zh);
            Files.writeString(out.resolve("record-large.xhtml"), (String) xhtml.invoke(renderer,
                    reports.build(LB, id, Locale.ENGLISH))); // what openhtmltopdf lays out

            int pages;
            try (var doc = Loader.loadPDF(pdf)) {
                pages = doc.getNumberOfPages();
            }
            System.out.printf("warm renders: %d (after %d warm-up); load average %.2f on %d CPUs%n", runs, warmup,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("render only      median %.1f ms, p90 %.1f ms, min %.1f ms%n", median(renderOnly),
                    pct(renderOnly, 0.9), Collections.min(renderOnly));
            System.out.printf("render CPU time  median %.1f ms, p90 %.1f ms (rendering thread)%n", median(renderCpu),
                    pct(renderCpu, 0.9));
            System.out.printf("  of which template (Thymeleaf) CPU median %.1f ms%n", median(templateCpu));
            System.out.printf("build + render   median %.1f ms, p90 %.1f ms%n", median(endToEnd), pct(endToEnd, 0.9));
            System.out.printf("file size        %d bytes (%.0f KiB), %d pages; zh-CN %d bytes%n", pdf.length,
                    pdf.length / 1024.0, pages, zh.length);
            System.out.printf("written          %s, %s%n", out.resolve("record-large.pdf"),
                    out.resolve("record-large-zh.pdf"));
        }
    }

    private static double median(List<Double> xs) {
        return pct(xs, 0.5);
    }

    private static double pct(List<Double> xs, double p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        double pos = p * (s.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s.get(lo) + (s.get(hi) - s.get(lo)) * (pos - lo);
    }
}
