package io.github.ordersync.benchmarks;

/**
 * What one benchmark run does.
 *
 * @param quick a short smoke run: small backlogs, short phases
 * @param records size of each backlog the stages drain alone
 * @param seconds length of each timed phase
 * @param trials at most this many rates tried in the search for the maximum sustained rate
 * @param formats only the record formats compared: bytes per order and drains, the envelope against Avro
 */
record Options(boolean quick, int records, int seconds, int trials, boolean formats) {

    static final String USAGE = "[--quick] [--records N] [--seconds S] [--trials T] [--formats]";

    static Options parse(String... args) {
        boolean quick = false;
        Integer records = null;
        Integer seconds = null;
        Integer trials = null;
        boolean formats = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--records" -> records = number(args, ++i);
                case "--seconds" -> seconds = number(args, ++i);
                case "--trials" -> trials = number(args, ++i);
                case "--formats" -> formats = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use " + USAGE);
            }
        }
        return new Options(
                quick,
                records != null ? records : quick ? 10_000 : 100_000,
                seconds != null ? seconds : quick ? 5 : 20,
                trials != null ? trials : quick ? 3 : 8,
                formats);
    }

    private static int number(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a number");
        }
        return Integer.parseInt(args[i]);
    }

    String commandLine() {
        return "./run-benchmarks.sh" + (quick ? " --quick" : "") + " --records " + records + " --seconds " + seconds
                + " --trials " + trials + (formats ? " --formats" : "");
    }
}
