package io.ngisec.server.http;

import io.netty.channel.Channel;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.api.ApiException;

/** Says which device is calling on a connection. Implementations must be thread safe. */
interface CallerAuthenticator {

    /** The caller's verified device id; ApiException 401 if the connection does not prove one. */
    DeviceId authenticate(Channel channel) throws ApiException;
}
