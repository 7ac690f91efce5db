package ai.andy.email;

import ai.andy.testsupport.AndyServiceTest;
import ai.andy.testsupport.ServiceOperationsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@AndyServiceTest(service = "email")
class EmailOperationsTest extends ServiceOperationsContract {
    @Override
    protected boolean usesDatabase() {
        return true;
    }

    @Override
    protected boolean usesRedis() {
        return true;
    }
}
