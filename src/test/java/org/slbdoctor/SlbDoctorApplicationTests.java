package org.slbdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:ctx;DB_CLOSE_DELAY=-1")
class SlbDoctorApplicationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void contextStarts() {
        assertThat(context.getBean(SlbDoctorApplication.class)).isNotNull();
    }
}
