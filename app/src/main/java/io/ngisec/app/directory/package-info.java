/** The colleagues this device may contact, with presence, search, and per-contact actions. */
package io.ngisec.app.directory;
