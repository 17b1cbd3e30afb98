/** The chat screen: one conversation per colleague with history, delivery state and that colleague's file transfers inline. */
package io.ngisec.app.chat;
