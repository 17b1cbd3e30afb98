/** An opt-in responsiveness probe ({@code NGISEC_APP_PROBE=FILE}): FX pulse lateness, heap used, time to a usable window. */
package io.ngisec.app.probe;
