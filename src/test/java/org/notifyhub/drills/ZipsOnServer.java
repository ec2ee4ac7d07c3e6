package org.notifyhub.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What DVLA would print: the zips in the FTP server's folder, read through their central directory, each PDF entry
 * counted by the letter reference in its name ({@code NOTIFY.{REFERENCE}.D…PDF}). A file that does not open as a zip
 * (a partial upload, a stale file) is listed apart.
 */
record ZipsOnServer(Map<String, Integer> zipsByReference, List<String> unreadable, int zips) {

    static ZipsOnServer read(Path folder) throws IOException {
        Map<String, Integer> byReference = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        int zips = 0;
        if (!Files.isDirectory(folder)) {
            return new ZipsOnServer(byReference, unreadable, 0);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    byReference.merge(entry.getName().split("\\.")[1], 1, Integer::sum);
                }
                zips++;
            } catch (IOException e) {
                unreadable.add(file.getFileName() + " (" + Files.size(file) + " bytes)");
            }
        }
        return new ZipsOnServer(byReference, unreadable, zips);
    }

    int zipsOf(String reference) {
        return zipsByReference.getOrDefault(reference, 0);
    }
}
