package io.github.wso2ports.rewrite;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.OffsetApplier;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs apply in a JVM of its own, for the crash and concurrency tests:
 * <ul>
 * <li>{@code loop HOME A,B,...}: sets the offsets one after another, forever, until it is killed;</li>
 * <li>{@code halt:STEP HOME A}: sets offset A and halts the JVM at that step of the write (a crash);</li>
 * <li>{@code once HOME A GO}: waits for the file GO to exist, then sets offset A once and says how it went;</li>
 * <li>{@code slow HOME A SIGNAL}: sets offset A, holding the lock 2 s after creating SIGNAL; {@code late HOME B SIGNAL}:
 * plans offset B once SIGNAL exists (so from the old bytes), then writes.</li>
 * </ul>
 */
public final class ApplyWorker {

    private ApplyWorker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path home = Path.of(args[1]);
        String[] offsets = args[2].split(",");
        if (mode.startsWith("halt:")) {
            AtomicWriter.Step at = AtomicWriter.Step.valueOf(mode.substring(5));
            AtomicWriter.steps = step -> {
                if (step == at) {
                    Runtime.getRuntime().halt(3);
                }
            };
            apply(home, Integer.parseInt(offsets[0]));
            System.exit(0);
        }
        if (mode.equals("slow") || mode.equals("late")) {
            Path signal = Path.of(args[3]);
            if (mode.equals("slow")) {
                // holds the lock for a while, after telling the other run it has it
                AtomicWriter.steps = step -> {
                    if (step == AtomicWriter.Step.LOCKED) {
                        try {
                            Files.createFile(signal);
                            Thread.sleep(2000);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                };
            } else {
                while (!Files.exists(signal)) {
                    Thread.sleep(5);
                }
            }
            try {
                apply(home, Integer.parseInt(offsets[0]));
                System.out.println("written");
            } catch (Wso2PortsException e) {
                System.out.println("refused: " + e.describe());
            }
            return;
        }
        if (mode.equals("once")) {
            Path go = Path.of(args[3]);
            while (!Files.exists(go)) {
                Thread.onSpinWait();
            }
            try {
                apply(home, Integer.parseInt(offsets[0]));
                System.out.println("written");
            } catch (Wso2PortsException e) {
                System.out.println("refused: " + e.describe());
            }
            return;
        }
        System.out.println("ready");
        System.out.flush();
        for (long n = 0; ; n++) {
            apply(home, Integer.parseInt(offsets[(int) (n % offsets.length)]));
        }
    }

    private static void apply(Path home, int offset) {
        OffsetApplier.write(OffsetApplier.plan(LayoutDetector.detect(FolderSource.open(home, "home")), null, offset,
                new OffsetApplier.Options(false)));
    }
}
