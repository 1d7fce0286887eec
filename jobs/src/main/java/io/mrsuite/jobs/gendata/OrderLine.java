package io.mrsuite.jobs.gendata;

/** One line of an order, or one item in a cart before it is ordered (line number 0). */
record OrderLine(int lineNo, int product, int quantity, long unitPriceMinor) {
}
