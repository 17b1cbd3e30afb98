package io.ngisec.client.cli;

import picocli.CommandLine.Command;

/** The top-level {@code ngisec} command: only lists its subcommands. */
@Command(
        name = "ngisec",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "NGISec Communicator: secure peer-to-peer calls, file transfers and chat.",
        subcommands = {EnrollCommand.class, StatusCommand.class, ListenCommand.class, SendCommand.class,
            ChatCommand.class, CallCommand.class, DevicesCommand.class, DiagCommand.class, NetcheckCommand.class,
            VersionCommand.class, VectorsCommand.class})
public final class NgisecCommand {
}
