package io.switchboard.bench;

/** Reading the hub's {@code /actuator/prometheus} text: what the bench takes from it. */
final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /**
     * The sum of every sample of metric {@code name} in {@code scrape}, over all its label sets ({@code name 3.0}
     * and {@code name{gc="…"} 2.0} alike); 0 when it has none.
     */
    static double sum(String scrape, String name) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name) && line.length() > name.length()
                    && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')) {
                String sample = line.trim();
                sum += Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
