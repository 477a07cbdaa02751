package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;

class PerPartitionStepTest {

  private final JobRepository repository = new ResourcelessJobRepository();
  private final ResourcelessTransactionManager transactions = new ResourcelessTransactionManager();

  @Test
  void eachPartitionRunsAStepBuiltFromItsOwnContext() throws Exception {
    // given: a worker that builds, per partition, a step reading the partition's path
    List<String> pathsRead = new ArrayList<>();
    PerPartitionStep worker =
        worker(
            partition -> {
              String path = partition.getExecutionContext().getString(InputPartitioner.PATH_KEY);
              return new StepBuilder("ingestFile", repository)
                  .tasklet(
                      (contribution, chunk) -> {
                        pathsRead.add(path);
                        return RepeatStatus.FINISHED;
                      },
                      transactions)
                  .build();
            });
    StepExecution first = partition("/data/202101_Compras.csv");
    StepExecution second = partition("/data/202102_Compras.csv");

    // when
    worker.execute(first);
    worker.execute(second);

    // then
    assertThat(pathsRead).containsExactly("/data/202101_Compras.csv", "/data/202102_Compras.csv");
    assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
  }

  @Test
  void aPartitionWhoseStepCannotBeBuiltFailsAloneWithTheReason() throws Exception {
    // given: a file gone between listing and its step, whose size cannot be read
    UncheckedIOException gone =
        new UncheckedIOException(
            "cannot read the size of /data/202101_Compras.csv",
            new NoSuchFileException("/data/202101_Compras.csv"));
    PerPartitionStep worker =
        worker(
            partition -> {
              throw gone;
            });
    StepExecution partition = partition("/data/202101_Compras.csv");

    // when: the worker runs it, it does not throw (the partition handler would fail every file)
    worker.execute(partition);

    // then: the partition records the failure and its cause, as any failed step does
    assertThat(partition.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(partition.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
    assertThat(partition.getExitStatus().getExitDescription())
        .contains("cannot read the size of /data/202101_Compras.csv");
    assertThat(partition.getFailureExceptions()).containsExactly(gone);
  }

  private PerPartitionStep worker(Function<StepExecution, Step> stepOfPartition) {
    return new PerPartitionStep("ingestFile", repository, transactions, stepOfPartition);
  }

  private StepExecution partition(String path) throws Exception {
    JobExecution job = repository.createJobExecution("ingestContracts", new JobParameters());
    StepExecution partition = job.createStepExecution("ingestFile:" + path);
    partition.getExecutionContext().putString(InputPartitioner.PATH_KEY, path);
    repository.add(partition);
    return partition;
  }
}
