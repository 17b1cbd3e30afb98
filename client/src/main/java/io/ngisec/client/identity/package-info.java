/** The device's keys and enrolled identity, as values. */
package io.ngisec.client.identity;
