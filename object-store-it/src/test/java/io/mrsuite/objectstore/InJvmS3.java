package io.mrsuite.objectstore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.statistics.IOStatisticsSupport;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3-compatible server on 127.0.0.1 inside the test JVM: s3proxy over jclouds' in-memory ("transient")
 * store, whose directory markers are plain zero-byte objects as on S3 (its file-backed store hides them, so S3A
 * takes an empty directory for a missing one). One per test class: S3A caches a filesystem per bucket, not per
 * endpoint, so a second server under the same bucket name would be served by the first one's client.
 */
final class InJvmS3 implements AutoCloseable {
  static final String BUCKET = "mrsuite-test";
  private static final String ACCESS_KEY = "mrsuite-access";
  private static final String SECRET_KEY = "mrsuite-secret";

  private final BlobStoreContext store;
  private final S3Proxy proxy;

  private InJvmS3(BlobStoreContext store, S3Proxy proxy) {
    this.store = store;
    this.proxy = proxy;
  }

  static InJvmS3 start() throws Exception {
    BlobStoreContext store = ContextBuilder.newBuilder("transient").overrides(new Properties())
        .build(BlobStoreContext.class);
    store.getBlobStore().createContainerInLocation(null, BUCKET);
    S3Proxy proxy = S3Proxy.builder().blobStore(store.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        // The AWS SDK of Hadoop 3.5 adds x-amz-checksum-* headers to a bulk delete; s3proxy 2.6.0 would
        // answer 501 to them, where S3 checks them. Its Content-MD5 is still checked.
        .ignoreUnknownHeaders(true).build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    return new InJvmS3(store, proxy);
  }

  /** {@code s3a://bucket/<path>}. */
  String uri(String path) {
    return "s3a://" + BUCKET + "/" + path;
  }

  /**
   * S3A's settings for this server, as a cluster's core-site.xml would hold them for a real bucket (static keys
   * here; on a cluster, the usual credential providers), and its committer.
   *
   * @param localDir where S3A buffers uploads and the committers keep their local state
   */
  Configuration configure(Configuration conf, Path localDir) {
    settings(localDir).forEach(conf::set);
    return conf;
  }

  /** The same settings as {@code -D key=value} pairs, for a client in another JVM. */
  List<String> asOptions(Path localDir) {
    List<String> options = new ArrayList<>();
    settings(localDir).forEach((key, value) -> options.addAll(List.of("-D", key + "=" + value)));
    return options;
  }

  private Map<String, String> settings(Path localDir) {
    Configuration conf = new Configuration(false);
    conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort());
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.setBoolean("fs.s3a.path.style.access", true);
    conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
    conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.access.key", ACCESS_KEY);
    conf.set("fs.s3a.secret.key", SECRET_KEY);
    conf.set("fs.s3a.buffer.dir", localDir.resolve("s3a-buffer").toString());
    // s3proxy 2.6.0 answers 501 to a paged listing of multipart uploads, which these issue.
    conf.setBoolean("fs.s3a.committer.abort.pending.uploads", false);
    conf.setBoolean("fs.s3a.multipart.purge", false);
    Map<String, String> settings = new TreeMap<>();
    conf.forEach(entry -> settings.put(entry.getKey(), entry.getValue()));
    return settings;
  }

  /** S3A's request and operation counters of a filesystem so far, by name. */
  static Map<String, Long> counters(FileSystem fs) {
    return new TreeMap<>(IOStatisticsSupport.snapshotIOStatistics(IOStatisticsSupport.retrieveIOStatistics(fs))
        .counters());
  }

  @Override
  public void close() throws IOException {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IOException("could not stop the S3 server", e);
    } finally {
      store.close();
    }
  }
}
