package io.ngisec.client.cli;

import io.ngisec.client.audio.AudioDevice;
import io.ngisec.client.audio.AudioDevices;
import io.ngisec.client.audio.AudioException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ngisec devices}: the audio devices calls can use, by the names {@code --in} and {@code --out} take. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the audio devices calls can use (names for --in and --out).")
public final class DevicesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per device.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<AudioDevice> devices;
        try {
            devices = AudioDevices.list();
        } catch (AudioException e) {
            throw new CommandFailure(e.getMessage());
        }
        for (AudioDevice d : devices) {
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", d.name());
                o.put("description", d.description());
                o.put("capture", d.capture());
                o.put("playback", d.playback());
                out.println(Json.line(o));
            } else {
                String can = d.capture() && d.playback() ? "input and output" : d.capture() ? "input" : "output";
                out.println(d.name() + "  (" + can + ")" + (d.description().isBlank() ? "" : "  " + d.description()));
            }
        }
        if (devices.isEmpty() && !json) {
            out.println("no audio devices found; calls can still use --in FILE.wav and --out FILE.wav");
        }
        return ExitCodes.OK;
    }
}
