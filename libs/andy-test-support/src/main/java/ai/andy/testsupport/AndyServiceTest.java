package ai.andy.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real servers of an Andy service test, in one line next to {@code @QuarkusTest}: the KRaft Kafka broker, the
 * service's own PostgreSQL database, Redis, auth-service's signing keys ({@link TestIdentity}), and, when
 * {@link #providerFake} names properties, a WireMock server standing in for an external provider. Quarkus reads
 * {@code @QuarkusTestResource}s on this meta-annotation and hands the annotation to each resource, so they start for
 * the annotated class only (as {@code restrictToAnnotatedClass = true} does).
 *
 * <pre>{@code
 * @QuarkusTest
 * @AndyServiceTest(service = "email", providerFake = "andy.graph.base-url=/v1.0")
 * class OutlookMailboxTest { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ServiceDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TestIdentity.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ProviderFake.class, restrictToAnnotatedClass = true)
public @interface AndyServiceTest {

    /** The service under test, as in {@code andy.db.name}: {@code email} gets its own {@code andy_email_*} database. */
    String service();

    /**
     * Configuration keys to point at the provider fake, in {@link WireMockResource}'s form: {@code key} (the fake's
     * base URL) or {@code key=/path}. None (the default): no fake is started.
     */
    String[] providerFake() default {};
}
