package io.mrsuite.deploy;

import java.util.Properties;
import org.apache.oozie.client.AuthOozieClient;
import org.apache.oozie.client.OozieClient;
import org.apache.oozie.client.OozieClientException;

/**
 * Submits and starts the bundle as {@code oozie job -run -config job.properties} does.
 *
 * <p>It goes through {@link AuthOozieClient}, the client the Oozie CLI uses. That client authenticates with
 * Kerberos SPNEGO when the server asks for it, with a ticket from kinit, and as the plain user otherwise.
 */
final class OozieSubmitter {
  private final String url;
  private final OozieClient client;

  OozieSubmitter(String url) {
    this.url = url;
    this.client = new AuthOozieClient(url);
  }

  /** @return the bundle's job id */
  String run(Properties conf) throws DeployException {
    try {
      String id = client.run(conf);
      if (id == null || id.isEmpty()) {
        throw new DeployException("Oozie at " + url + " accepted the bundle but returned no job id");
      }
      return id;
    } catch (OozieClientException e) {
      throw new DeployException("Oozie at " + url + " did not start the bundle: " + e.getErrorCode() + " "
          + e.getMessage(), e);
    }
  }
}
