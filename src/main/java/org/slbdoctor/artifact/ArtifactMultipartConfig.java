package org.slbdoctor.artifact;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Keeps Spring's multipart limits above {@code slbdoctor.artifacts.max-bytes}, so a file up to the
 * artifact limit is accepted as multipart and one just over it gets the API's 400 (not a 413 from
 * the multipart parser). {@code spring.servlet.multipart.*} still applies when it is larger.
 */
@Configuration(proxyBeanMethods = false)
class ArtifactMultipartConfig {

    /** Room for the other form fields and the multipart framing. */
    static final long MARGIN = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, ArtifactProperties artifacts) {
        long file = Math.max(size(multipart.getMaxFileSize()), artifacts.maxBytes() + MARGIN);
        long request = Math.max(size(multipart.getMaxRequestSize()), file + MARGIN);
        MultipartConfigElement base = multipart.createMultipartConfig();
        return new MultipartConfigElement(base.getLocation(), file, request, base.getFileSizeThreshold());
    }

    private static long size(DataSize size) {
        return size == null ? -1 : size.toBytes();
    }
}
