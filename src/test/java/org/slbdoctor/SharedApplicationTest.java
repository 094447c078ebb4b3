package org.slbdoctor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.slbdoctor.web.ApiExceptionHandlerTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application with MockMvc, the sandbox on, the admin password {@link #ADMIN_PASSWORD}
 * and the test-only {@code /api/_probe} controller, on one in-memory database. Every class carrying
 * exactly this configuration gets the same cached Spring context, so it starts once for all of
 * them instead of once per class.
 *
 * <p>The database is therefore shared: use it only for a class that does not need an empty
 * database, i.e. that works on instances of its own (or registers the sandbox's ids only when they
 * are absent) and asserts nothing about what other classes may have stored. A class that counts
 * rows, deletes everything, or needs other properties keeps its own {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:shared-application;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=true",
        "slbdoctor.admin.password=" + SharedApplicationTest.ADMIN_PASSWORD})
@AutoConfigureMockMvc
@Import(ApiExceptionHandlerTests.ProbeController.class)
public @interface SharedApplicationTest {

    String ADMIN_PASSWORD = "correct-horse-battery";
}
