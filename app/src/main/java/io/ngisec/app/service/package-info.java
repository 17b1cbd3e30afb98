/**
 * What the screens stand on: the device's life online (an {@link io.ngisec.client.peer.OnlinePeer}
 * driven off the FX thread) and enrollment, behind interfaces the ViewModels depend on, with
 * events delivered on the UI thread.
 */
package io.ngisec.app.service;
