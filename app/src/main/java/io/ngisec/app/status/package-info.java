/** The connection to the policy server and this device's identity, as the header badge and status bar show them. */
package io.ngisec.app.status;
