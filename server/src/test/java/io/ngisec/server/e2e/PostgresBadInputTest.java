package io.ngisec.server.e2e;

/** Bad input on PostgreSQL; skipped unless NGISEC_TEST_PG_URL names one. */
class PostgresBadInputTest extends BadInputContract {

    @Override
    TestDatabase database() throws Exception {
        return TestDatabase.postgres();
    }
}
