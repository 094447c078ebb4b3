package org.slbdoctor.web.instance;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.report.DiagnosisReport;
import org.slbdoctor.report.ReportService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the page model of one diagnosis and keeps the most recent ones. A stored diagnosis never
 * changes, so (instance row, diagnosis, locale) always gives the same page: the instance's database
 * id is in the key so that an instance removed and registered again never sees an old entry.
 */
@Component
class ReportPages {

    static final int CACHE_SIZE = 64;

    private final ReportService reports;
    private final MessageSource messages;
    private final Map<Key, ReportPage> cache = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ReportPage> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    ReportPages(ReportService reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    /** @throws org.slbdoctor.diagnosis.DiagnosisNotFound when the diagnosis is not one of this instance's */
    ReportPage page(SlbInstance instance, long diagnosisId, Locale locale) {
        Key key = new Key(instance.getId(), diagnosisId, locale.toLanguageTag());
        synchronized (cache) {
            ReportPage cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // built outside the lock: two requests may build the same page once each, which is harmless
        DiagnosisReport report = reports.build(instance.getLoadBalancerId(), diagnosisId, locale);
        Boolean waf = report.observation("behindAntiDdosOrWaf").map(o -> o.raw() instanceof Boolean b ? b : null)
                .orElse(null);
        Topology topology = new TopologyBuilder((code, args) -> messages.getMessage(code, args, code, locale))
                .build(report, waf);
        ReportPage page = new ReportPage(report, topology);
        synchronized (cache) {
            cache.put(key, page);
        }
        return page;
    }

    int cachedPages() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private record Key(long instanceId, long diagnosisId, String locale) {
    }
}
