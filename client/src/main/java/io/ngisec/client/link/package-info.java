/** What the features (transfers, chat) see of a session with a peer: {@link io.ngisec.client.link.PeerLink}. */
package io.ngisec.client.link;
