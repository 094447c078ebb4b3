package org.slbdoctor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SlbDoctorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlbDoctorApplication.class, args);
    }
}
