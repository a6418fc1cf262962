package io.github.ordersync.benchmarks;

/**
 * What one benchmark run does.
 *
 * @param quick a short smoke run: small backlog, short phases
 * @param records backlog size for the sink and catalog drains (b, c); the raw producer (a) sends ten times as many
 * @param seconds length of each timed phase (d, e, and each trial of f)
 * @param rate the fixed rate of the latency phase (e), orders/s
 * @param trials how many rates the search for the maximum sustained rate (f) tries
 */
record Options(boolean quick, int records, int seconds, int rate, int trials) {

    static Options parse(String... args) {
        boolean quick = false;
        Integer records = null;
        Integer seconds = null;
        int rate = 1_000;
        Integer trials = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--records" -> records = number(args, ++i);
                case "--seconds" -> seconds = number(args, ++i);
                case "--rate" -> rate = number(args, ++i);
                case "--trials" -> trials = number(args, ++i);
                default ->
                    throw new IllegalArgumentException(
                            "Unknown option " + args[i] + "; use --quick --records N --seconds S --rate R --trials T");
            }
        }
        return new Options(
                quick,
                records != null ? records : quick ? 10_000 : 100_000,
                seconds != null ? seconds : quick ? 5 : 60,
                rate,
                trials != null ? trials : quick ? 3 : 6);
    }

    private static int number(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a number");
        }
        return Integer.parseInt(args[i]);
    }

    String commandLine() {
        return "./run-benchmarks.sh" + (quick ? " --quick" : "") + " --records " + records + " --seconds " + seconds
                + " --rate " + rate + " --trials " + trials;
    }
}
