package ai.andy.auth.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import ai.andy.auth.People;
import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.PostgresResource;
import ai.andy.testsupport.RedisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Sign-in throttling as people meet it. The test client is on the loopback, which auth-service trusts as the
 * gateway, so each request's X-Forwarded-For says which client it stands for, exactly as the gateway would write it.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class SignInThrottleTest {
    private static final String PASSWORD = People.PASSWORD;

    @Test
    void waitsGrowWithEachFailureForOneAccountFromOneAddress() throws InterruptedException {
        String email = People.signup();
        String address = People.newClientAddress();
        for (int i = 0; i < 3; i++) {
            login(email, "wrong " + i, address).then().statusCode(401);
        }
        long previous = 0;
        for (int round = 0; round < 3; round++) {
            login(email, "wrong again " + round, address).then().statusCode(401);
            Response waiting = login(email, PASSWORD, address); // even the right password waits its turn
            waiting.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
            long wait = Long.parseLong(waiting.header("Retry-After"));
            assertThat(wait).isGreaterThan(previous);
            previous = wait;
            Thread.sleep(wait * 1000 + 200);
        }
        assertThat(previous).isEqualTo(4); // 1 s, 2 s, 4 s
        login(email, PASSWORD, address).then().statusCode(200);
    }

    @Test
    void failuresForOneAccountBehindAnOfficeNatDoNotHoldUpTheOthers() throws InterruptedException {
        String office = People.newClientAddress();
        String colleague = People.signup();
        People.login(colleague); // signed in before, from elsewhere
        String newcomer = People.signup(); // never signed in from anywhere
        String careless = People.signup();
        for (int i = 0; i < 6; i++) {
            login(careless, "forgot it " + i, office).then().statusCode(401);
            if (i == 3 || i == 4) {
                Thread.sleep(1000L << (i - 3)); // the careless one's own growing wait
                Thread.sleep(150);
            }
        }
        login(careless, PASSWORD, office).then().statusCode(429);
        login(colleague, PASSWORD, office).then().statusCode(200);
        login(newcomer, PASSWORD, office).then().statusCode(200);
    }

    @Test
    void manyFailuresFromOneAddressHoldUpOnlyAccountsNewToIt() {
        String address = People.newClientAddress();
        String regular = People.signup();
        login(regular, PASSWORD, address).then().statusCode(200);
        int failuresPerAddress = config("andy.auth.login.failures-per-address");
        for (int i = 0; i < failuresPerAddress; i++) {
            login("guess-" + i + "-" + UUID.randomUUID() + "@example.org", "whatever it is", address).then().statusCode(401);
        }
        String stranger = People.signup();
        Response blocked = login(stranger, PASSWORD, address);
        blocked.then().statusCode(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        login(stranger, PASSWORD, People.newClientAddress()).then().statusCode(200);
        login(regular, PASSWORD, address).then().statusCode(200);
    }

    @Test
    void guessingFromManyAddressesCannotLockThePersonOutOfTheirOwnDevice() {
        String victim = People.signup();
        String home = People.newClientAddress();
        login(victim, PASSWORD, home).then().statusCode(200);
        int failuresPerAccount = config("andy.auth.login.failures-per-account");
        for (int i = 0; i < failuresPerAccount; i++) {
            // Each claims to come from the victim's home, left of the address the gateway actually saw.
            loginVia(victim, "guess " + i, home + ", " + People.newClientAddress()).then().statusCode(401);
        }
        // A new address must now wait (the account is under attack), even with the right password...
        login(victim, PASSWORD, People.newClientAddress()).then().statusCode(429);
        // ...but the victim's own address still gets in.
        login(victim, PASSWORD, home).then().statusCode(200);
    }

    @Test
    void aForgedLeftMostAddressIsNotTheClient() {
        String email = People.signup();
        String attacker = People.newClientAddress();
        for (int i = 0; i < 4; i++) {
            // A fresh made-up address each time: only the right-most one, added by the gateway, counts.
            loginVia(email, "guess " + i, People.newClientAddress() + ", " + attacker).then().statusCode(401);
        }
        loginVia(email, "guess again", People.newClientAddress() + ", " + attacker).then().statusCode(429);
    }

    private static int config(String name) {
        return ConfigProvider.getConfig().getValue(name, Integer.class);
    }

    private static Response login(String email, String password, String address) {
        return loginVia(email, password, address);
    }

    private static Response loginVia(String email, String password, String forwardedFor) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor)
                .body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }
}
