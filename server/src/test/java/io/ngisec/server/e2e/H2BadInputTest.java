package io.ngisec.server.e2e;

/** Bad input on the embedded H2 database. */
class H2BadInputTest extends BadInputContract {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.h2();
    }
}
