package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** The settings that make a page cheap and its tail short (bench/README.md, "Dashboard at 1,000 instances"). */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:requestcost;DB_CLOSE_DELAY=-1")
class RequestCostSettingsTests {

    @Autowired SpringTemplateEngine templates;
    @Autowired org.springframework.core.env.Environment environment;
    @Autowired ObservationRegistry observations;

    @Test
    void pagesAreRenderedIntoABufferByFewRequestThreads() {
        assertThat(environment.getProperty("spring.thymeleaf.servlet.produce-partial-output-while-processing", Boolean.class))
                .isFalse();
        assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(16);
    }

    @Test
    void templatesCompileTheirSpringExpressions() {
        assertThat(templates.getEnableSpringELCompiler()).isTrue();
    }

    @Test
    void securityFiltersAreNotObservedButRequestsStillAre() {
        assertThat(Observation.createNotStarted("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.security.authorizations", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
    }
}
