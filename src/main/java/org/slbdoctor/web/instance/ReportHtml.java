package org.slbdoctor.web.instance;

import java.util.Locale;
import java.util.Map;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.web.RenderedFragments;
import org.springframework.stereotype.Component;

/**
 * The HTML of one stored diagnosis' report, as the instance page and the diagnosis page show it.
 * A stored diagnosis never changes, so (instance row, diagnosis) is the whole key: the instance's
 * database id is in it so that an instance removed and registered again never sees an old entry.
 * The report model ({@link ReportPages}) is built only when the HTML is not cached.
 */
@Component
class ReportHtml {

    static final String FRAGMENT = "instances/fragments :: report(report=${page.report}, topology=${page.topology})";

    private final RenderedFragments fragments;
    private final ReportPages pages;

    ReportHtml(RenderedFragments fragments, ReportPages pages) {
        this.fragments = fragments;
        this.pages = pages;
    }

    /** @throws org.slbdoctor.diagnosis.DiagnosisNotFound when the diagnosis is not one of this instance's */
    String html(SlbInstance instance, long diagnosisId, Locale locale) {
        return html(instance, diagnosisId, locale, null);
    }

    /** The same, with the page model when the caller has it already. */
    String html(SlbInstance instance, long diagnosisId, Locale locale, ReportPage page) {
        return fragments.html(FRAGMENT, new Key(instance.getId(), diagnosisId), () -> Map.of(
                "page", page != null ? page : pages.page(instance, diagnosisId, locale),
                "urls", new InstanceUrls(instance.getLoadBalancerId())));
    }

    private record Key(long instanceId, long diagnosisId) {
    }
}
