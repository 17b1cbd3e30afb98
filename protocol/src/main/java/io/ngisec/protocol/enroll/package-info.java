/** What a device and the policy server share to enroll: the invite a user is given and its one-time code. */
package io.ngisec.protocol.enroll;
