package io.switchboard.bench;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** How the bench starts a part of itself in a JVM of its own ({@link ReferenceBroker}, {@link CpuProbe}). */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * The arguments after the JVM options that run {@code main}: through the bench's own jar when it runs from it (a
     * Spring Boot jar, whose classes a plain class path cannot see; {@link BenchMain} hands {@code childArgument} on
     * to {@code main}), else (tests) from the class path.
     */
    static List<String> launcher(String childArgument, Class<?> main) throws IOException {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classPath)) {
                Manifest manifest = jar.getManifest();
                if (manifest != null
                        && BenchMain.class.getName().equals(manifest.getMainAttributes().getValue("Start-Class"))) {
                    return List.of("-jar", classPath, childArgument);
                }
            }
        }
        return List.of("-cp", classPath, main.getName());
    }
}
