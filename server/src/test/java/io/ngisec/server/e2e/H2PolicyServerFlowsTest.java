package io.ngisec.server.e2e;

/** The policy server's flows on the embedded H2 database, the default. */
class H2PolicyServerFlowsTest extends PolicyServerFlowsContract {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.h2();
    }
}
