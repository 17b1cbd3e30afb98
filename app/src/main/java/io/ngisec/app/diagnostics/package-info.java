/** The diagnostics screen: live statistics and charts per session, netcheck, and the help-desk report. */
package io.ngisec.app.diagnostics;
