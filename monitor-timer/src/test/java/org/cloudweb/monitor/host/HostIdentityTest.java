package org.cloudweb.monitor.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostIdentityTest {

    private static final String MACHINE_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @TempDir
    Path dir;

    @Test
    void aReadableHardwareUuidIsTheIdentity() throws IOException {
        HostIdentity.Key key = identity("4C4C4544-0031-3510-8052-B4C04F4D3732", "CZ1234", machineId()).find();

        assertEquals("hw-uuid:4c4c4544-0031-3510-8052-b4c04f4d3732", key.text());
    }

    @Test
    void aPlaceholderUuidFallsBackToTheSerial() throws IOException {
        HostIdentity.Key key = identity("00000000-0000-0000-0000-000000000000", " CZ1234 ", machineId()).find();

        assertEquals("serial:CZ1234", key.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "Unknown", "None", "Default string", "To Be Filled By O.E.M.", "", "   ",
            "0", "00000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "Not Specified", "System Serial Number"})
    void placeholdersOfVirtualMachinesAreNeverKeys(String placeholder) throws IOException {
        HostIdentity.Key key = identity(placeholder, placeholder, machineId()).find();

        assertEquals("machine-id:" + MACHINE_ID, key.text());
    }

    @Test
    void aSourceThatFailsCountsAsUnreadable() throws IOException {
        HostIdentity identity = new HostIdentity(() -> {
            throw new IllegalStateException("no DMI access");
        }, () -> null, machineId(), dir.resolve("data"));

        assertEquals("machine-id", identity.find().source());
    }

    @Test
    void withoutHardwareIdsOrMachineIdAUuidIsGeneratedOnceAndKeptInTheDataDirectory() throws IOException {
        Path data = dir.resolve("data");
        Path blankMachineId = Files.writeString(dir.resolve("machine-id"), "\n");

        HostIdentity.Key first = identity("unknown", "unknown", blankMachineId, data).find();
        HostIdentity.Key again = identity("unknown", null, dir.resolve("missing"), data).find();

        assertEquals("generated", first.source());
        assertEquals(first, again, "the same host after a restart");
        assertTrue(Files.readString(data.resolve("host-id")).contains(first.value()));
        assertEquals(1, Files.list(data).count(), "no temporary files left behind");
    }

    @Test
    void placeholdersAreRecognisedWhateverTheirSpelling() {
        assertNull(HostIdentity.meaningful("N/A"));
        assertNull(HostIdentity.meaningful("0000-0000"));
        assertEquals("VMware-42 1a", HostIdentity.meaningful(" VMware-42 1a "));
    }

    private HostIdentity identity(String uuid, String serial, Path machineId) {
        return identity(uuid, serial, machineId, dir.resolve("data"));
    }

    private static HostIdentity identity(String uuid, String serial, Path machineId, Path data) {
        return new HostIdentity(() -> uuid, () -> serial, machineId, data);
    }

    private Path machineId() throws IOException {
        return Files.writeString(dir.resolve("machine-id"), MACHINE_ID + "\n");
    }
}
