package io.ngisec.app.tour;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.testing.QueuedFilePicker;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TourPickerTest {

    @Test
    void theFilesAStepQueuedAnswerTheNextChooserOnceThenTheUsualPickerAsksAgain() {
        QueuedFilePicker usual = new QueuedFilePicker();
        usual.nextFiles(Path.of("asked.txt"));
        TourPicker picker = new TourPicker(usual);
        picker.next(List.of(Path.of("tour.bin")));

        assertThat(picker.files(null, "Send files")).containsExactly(Path.of("tour.bin"));
        assertThat(picker.files(null, "Send files")).containsExactly(Path.of("asked.txt"));
    }
}
