/** The call screen: ringing out and in, the in-call view with live quality, and the end of a call. */
package io.ngisec.app.call;
