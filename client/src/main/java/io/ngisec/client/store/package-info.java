/** The peer's local H2 database: opening, migrations, and one table class per concern. */
package io.ngisec.client.store;
