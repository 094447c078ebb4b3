package org.slbdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@SharedApplicationTest
class SlbDoctorApplicationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void contextStarts() {
        assertThat(context.getBean(SlbDoctorApplication.class)).isNotNull();
    }
}
