package io.ngisec.server.store;

/** {@link ServerStoreContract} on an H2 file opened in H2's PostgreSQL mode, as an administrator may. */
class H2PostgresModeServerStoreTest extends H2ServerStoreTest {

    @Override
    protected String url() {
        return super.url() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
