/** One running policy server instance: its parts wired together, and what keeps it in step with the shared database. */
package io.ngisec.server.instance;
