package io.parity.serve;

import io.parity.core.ParityException;
import io.parity.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading {@code schedule:} and choosing the scheduled specs of a jobs directory, without Spring or a database. */
class ServeScheduleTest {

    @TempDir
    Path dir;

    private Path spec(String name, String extra) throws IOException {
        return Files.writeString(dir.resolve(name + ".yml"), "name: " + name + "\n" + extra
                + "source:\n  url: jdbc:mysql://127.0.0.1:3306/a\n  user: root\n  password: \"\"\n"
                + "destination:\n  url: jdbc:mysql://127.0.0.1:3306/b\n  user: root\n  password: \"\"\n"
                + "tables: [t]\n");
    }

    @Test
    void readsTheCronExpressionAsWritten() throws IOException {
        SpecLoader loader = new SpecLoader(name -> null);
        assertThat(loader.load(spec("a", "schedule: \"0 */15 * * * *\"\n")).schedule()).isEqualTo("0 */15 * * * *");
        assertThat(loader.load(spec("b", "schedule: '@hourly'\n")).schedule()).isEqualTo("@hourly");
        assertThat(loader.load(spec("c", "")).schedule()).isNull();
    }

    @Test
    void aBadScheduleNamesTheFileTheFieldAndTheFix() throws IOException {
        Path file = spec("a", "schedule: \"*/15 * * * *\"\n"); // five fields: crontab, not Spring cron
        assertThatThrownBy(() -> new SpecLoader(name -> null).load(file)).isInstanceOf(ParityException.class)
                .hasMessageStartingWith(file + ": schedule: '*/15 * * * *' is not a cron expression")
                .hasMessageContaining("six fields, seconds first");
    }

    @Test
    void theSpecReaderAcceptsScheduleSoVerifyReadsTheSameFile() throws IOException {
        assertThat(new SpecLoader(name -> null).load(spec("a", "schedule: \"*/2 * * * * *\"\n")).name()).isEqualTo("a");
    }

    @Test
    void directoryYieldsOnlyScheduledSpecsAndNotesTheOthers() throws IOException {
        spec("nightly", "schedule: \"0 0 3 * * *\"\n");
        spec("manual", "");
        List<String> notes = new ArrayList<>();
        List<ScheduledJob> jobs = JobsDirectory.load(dir, new SpecLoader(name -> null), notes::add);
        assertThat(jobs).extracting(ScheduledJob::name).containsExactly("nightly");
        assertThat(jobs.get(0).schedule()).isEqualTo("0 0 3 * * *");
        assertThat(notes).containsExactly(dir.resolve("manual.yml") + " has no schedule: and is not run by serve");
    }

    @Test
    void aDirectoryWithoutScheduledSpecsIsBadInput() throws IOException {
        spec("manual", "");
        assertThatThrownBy(() -> JobsDirectory.load(dir, new SpecLoader(name -> null), n -> { }))
                .isInstanceOf(ParityException.class).hasMessageStartingWith("no job spec in " + dir + " has a schedule:");
        assertThatThrownBy(() -> JobsDirectory.load(dir.resolve("missing"), new SpecLoader(name -> null), n -> { }))
                .hasMessageContaining("is not a directory");
    }
}
