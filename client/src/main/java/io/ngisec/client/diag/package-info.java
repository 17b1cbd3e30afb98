/** Diagnostics: session summaries recorded for {@code ngisec diag}. */
package io.ngisec.client.diag;
