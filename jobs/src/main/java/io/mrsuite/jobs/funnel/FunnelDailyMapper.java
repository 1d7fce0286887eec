package io.mrsuite.jobs.funnel;

import io.mrsuite.formats.avro.Session;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.CountryKey;
import io.mrsuite.jobs.shuffle.ShuffleMapper;

/** One session as its country's funnel counts: one session, and 1 at each step it reached. */
public class FunnelDailyMapper extends ShuffleMapper<Session, CountryKey, FunnelCounts> {
  public FunnelDailyMapper() {
    super(new CountryKey(), new FunnelCounts());
  }

  @Override
  protected boolean fill(Session session, CountryKey key, FunnelCounts counts, Context context) {
    key.setCountry(session.getCountry());
    counts.setSessions(1);
    counts.setWithProductView(session.getProductViews() > 0 ? 1 : 0);
    counts.setWithAddToCart(session.getCartAdds() > 0 ? 1 : 0);
    counts.setWithCheckout(session.getCheckouts() > 0 ? 1 : 0);
    counts.setWithPurchase(session.getPurchases() > 0 ? 1 : 0);
    context.getCounter(RecordCounters.WRITTEN).increment(1);
    return true;
  }
}
