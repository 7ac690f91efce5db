package ai.andy.gateway;

import ai.andy.testsupport.KafkaResource;
import ai.andy.testsupport.RedisResource;
import ai.andy.testsupport.ServiceOperationsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RedisResource.class, restrictToAnnotatedClass = true)
class GatewayOperationsTest extends ServiceOperationsContract {
    @Override
    protected boolean usesDatabase() {
        return false;
    }

    @Override
    protected boolean usesRedis() {
        return true;
    }
}
