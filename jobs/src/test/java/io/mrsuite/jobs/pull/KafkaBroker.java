package io.mrsuite.jobs.pull;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One Kafka node (KRaft, broker and controller) in a JVM of its own, on the classpath build-support/kafka-broker
 * wrote: Kafka's server brings a Scala and a Jackson that would clash with Hadoop's in the test JVM (STACK.md).
 * Its log directory is its own; retention is off and no timestamp is refused, so old hours can be produced.
 */
final class KafkaBroker implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(90);

  private final Process process;
  private final String bootstrap;
  private final Path log;
  private final Admin admin;

  private KafkaBroker(Process process, String bootstrap, Path log) {
    this.process = process;
    this.bootstrap = bootstrap;
    this.log = log;
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(settings);
  }

  static KafkaBroker start(Path dir) throws IOException, InterruptedException {
    String classpath = Files.readString(Path.of(System.getProperty("mrsuite.kafka-broker.classpath"))).trim();
    int port = freePort();
    int controllerPort = freePort();
    Path config = dir.resolve("server.properties");
    Files.writeString(config, String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@localhost:" + controllerPort,
        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
        "advertised.listeners=PLAINTEXT://localhost:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("logs"),
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "log.retention.ms=-1",
        "log.message.timestamp.before.max.ms=" + Long.MAX_VALUE,
        "log.message.timestamp.after.max.ms=" + Long.MAX_VALUE,
        "auto.create.topics.enable=false") + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File log = dir.resolve("broker.log").toFile();
    Process format = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t",
        Uuid.randomUuid().toString(), "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(log).start();
    if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
      throw new IOException("formatting the broker's storage failed: " + Files.readString(log.toPath()));
    }
    Process broker = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, "kafka.Kafka", config.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    KafkaBroker started = new KafkaBroker(broker, "localhost:" + port, log.toPath());
    started.awaitReady();
    return started;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the broker exited: " + Files.readString(log));
      }
      try {
        admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
    throw new IOException("the broker was not ready within " + READY + ": " + Files.readString(log));
  }

  String bootstrap() {
    return bootstrap;
  }

  /**
   * Creates the topic and waits until the broker leads each of its partitions: the controller acknowledges the
   * creation before the broker has applied it, and a producer that comes too early may wait on a partition.
   */
  void createTopic(String topic, int partitions) throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    long deadline = System.nanoTime() + READY.toNanos();
    while (!ledEverywhere(topic, partitions)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("topic " + topic + " has no leader for every partition within " + READY + tail());
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private boolean ledEverywhere(String topic, int partitions) throws InterruptedException {
    try {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
          .get(topic);
      return description.partitions().size() == partitions
          && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
      return false;
    }
  }

  /** A record to produce: its partition, timestamp (epoch ms) and value. */
  record Message(int partition, long timestamp, byte[] value) {
  }

  /** Produces the messages and waits for each; a failure carries the end of the broker's log, for CI. */
  void produce(String topic, List<Message> messages) throws IOException, InterruptedException {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings)) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (Message message : messages) {
        sent.add(producer.send(new ProducerRecord<>(topic, message.partition(), message.timestamp(), null,
            message.value())));
      }
      for (java.util.concurrent.Future<?> future : sent) {
        future.get();
      }
    } catch (ExecutionException failed) {
      throw new IOException("producing to " + topic + " failed: " + failed.getCause() + tail(), failed);
    }
  }

  /** The last lines of the broker's log, to say in a failure why the broker did not answer. */
  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return "\n--- broker.log (" + (process.isAlive() ? "running" : "exited " + process.exitValue()) + ") ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** Deletes the partition's records before {@code offset}, as retention would. */
  void deleteBefore(String topic, int partition, long offset) throws ExecutionException, InterruptedException {
    admin.deleteRecords(Map.of(new TopicPartition(topic, partition), RecordsToDelete.beforeOffset(offset))).all()
        .get();
  }

  @Override
  public void close() throws InterruptedException {
    admin.close(Duration.ofSeconds(5));
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
