/** The peer's home folder: its location, the device keys encrypted at rest, and the database in it. */
package io.ngisec.client.home;
