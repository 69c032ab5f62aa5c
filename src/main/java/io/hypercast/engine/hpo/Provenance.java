package io.hypercast.engine.hpo;

/** What produced a trial: Hypercast, Java and LightGBM versions (STYLE rule 12). */
final class Provenance {
    private static final String TEXT = "hypercast " + version() + "; java " + System.getProperty("java.version")
            + "; lightgbm4j 4.3.0-1; " + System.getProperty("os.name") + " " + System.getProperty("os.arch");

    private Provenance() {
    }

    static String describe() {
        return TEXT;
    }

    private static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
