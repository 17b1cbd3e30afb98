/** The enrolled device online: what the command line and the app drive ({@link io.ngisec.client.peer.OnlinePeer}). */
package io.ngisec.client.peer;
