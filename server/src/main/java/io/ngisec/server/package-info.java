/** The NGISec policy server: enrollment, CA, policy engine, tickets and signaling (issue 3). */
package io.ngisec.server;
