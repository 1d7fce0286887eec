package io.mrsuite.jobs.gendata;

/**
 * Someone (or something) browsing the shop during one session, with everything that stays the same across
 * their events.
 *
 * @param anonymousId the cookie or device id
 * @param userId the signed-in user, or null
 * @param country null when unknown
 * @param offsetMinutes the local offset the client writes times in
 * @param offsetText that offset as ISO text
 * @param campaign an extra attribute some sessions carry, or null
 * @param experiments an extra JSON array some web sessions carry, or null
 */
record Visitor(String anonymousId, String userId, Country country, CurrencyCode currency, Client client,
    int offsetMinutes, byte[] offsetText, String userAgent, String ip, String campaign, String experiments,
    boolean bot) {
}
