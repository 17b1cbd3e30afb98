/** The policy server's /v1 API bodies as records: the wire contract devices and the server share. */
package io.ngisec.protocol.api;
