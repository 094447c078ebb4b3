package org.slbdoctor.web;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.slbdoctor.diagnosis.DiagnosisService;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import jakarta.persistence.EntityManagerFactory;

/**
 * One application context for every page test (same properties, same spy): the real database,
 * services and templates, with {@link DiagnosisService#run} stubbable because the sandbox is off.
 * Hibernate statistics are on so tests can count the SQL statements a page issues.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:pages;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=false",
        "spring.jpa.properties.hibernate.generate_statistics=true",
        "logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=warn"})
@AutoConfigureMockMvc
public abstract class PageTestSupport {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected SlbInstanceRepository instances;

    @MockitoSpyBean
    protected DiagnosisService diagnoses;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    protected Statistics statistics() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }
}
