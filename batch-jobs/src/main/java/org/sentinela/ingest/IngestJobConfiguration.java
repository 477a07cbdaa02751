package org.sentinela.ingest;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.sentinela.ingest.lake.LakeCommitter;
import org.sentinela.ingest.lake.PartitionedAmendmentWriter;
import org.sentinela.ingest.lake.PartitionedContractWriter;
import org.sentinela.ingest.lake.QuarantineListener;
import org.sentinela.ingest.lake.QuarantineWriter;
import org.sentinela.ingest.portal.PortalAmendmentNormaliser;
import org.sentinela.ingest.portal.PortalAmendmentProcessor;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.ingest.run.CommitIngestTasklet;
import org.sentinela.ingest.run.RunFigures;
import org.sentinela.ingest.run.RunRecords;
import org.sentinela.model.LakeLayout;
import org.sentinela.model.RecordSource;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ItemReadListener;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.SkipListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingItemSkipPolicy;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.ItemStreamWriter;
import org.springframework.batch.item.file.FlatFileParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job, top to bottom: the per-file step (built for each partition, with its reader,
 * processor, writers and bad-record policy); the partitioned step over the input files; the same
 * for the amendment files; the commit; the job.
 *
 * <p>Job parameters: {@code runId} (identifying), {@code input}, {@code lake}.
 */
@Configuration
public class IngestJobConfiguration {

  public static final String JOB_NAME = "ingestContracts";
  private static final RecordSource AMENDMENT_SOURCE = RecordSource.PORTAL_TERMO_ADITIVO;

  /**
   * Records per chunk. Each chunk ends with a commit to the job repository, but a chunk's records
   * must also die young: at 5,000 they outlived several young collections, filled the old
   * generation and cost full collections at -Xmx512m (4 M rows: 81 s and 3 full GCs against 63 s
   * and none at 1,000; 500 and 2,000 measured as 1,000). Measured again with ingest-benchmark on
   * 500k rows after the ingest gained its metrics, digests and sealing: at 5,000 the heap after a
   * collection reached 351 MB of the 512 and the committed heap 502 MB; at 1,000, 173 and 404 MB.
   */
  static final int CHUNK_SIZE = 1000;

  @Bean
  RegionResolver regionResolver() {
    return RegionResolver.fromBundledIbgeTable();
  }

  @Bean
  Step ingestFileStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      RegionResolver regions) {
    return new PerPartitionStep(
        "ingestFile",
        jobRepository,
        transactionManager,
        partition ->
            contractFileStep(
                jobRepository, transactionManager, regions, PartitionFile.of(partition)));
  }

  /** The step ingesting one contract file. */
  private static Step contractFileStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      RegionResolver regions,
      PartitionFile file) {
    return fileStep(
        "ingestFile",
        jobRepository,
        transactionManager,
        file,
        SourceRecordProcessor.of(file.source(), file.runId(), regions),
        new PartitionedContractWriter(
            LakeCommitter.staging(file.lake(), LakeLayout.CONTRACTS, file.runId()), file.slug()));
  }

  /**
   * The step ingesting one file into {@code writer}, with the bad-record policy: a record the
   * reader cannot parse or the processor rejects is skipped where it fails (rolling the chunk back
   * would only process the same records again) and goes to the quarantine with its reason.
   */
  private static <T, W extends ItemStreamWriter<T> & StepExecutionListener> Step fileStep(
      String name,
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      PartitionFile file,
      ItemProcessor<SourceRecord, T> processor,
      W writer) {
    QuarantineListener quarantineListener = quarantineListener(file);
    ProgressListener progressListener = progressListener(file);
    return new StepBuilder(name, jobRepository)
        .<SourceRecord, T>chunk(CHUNK_SIZE, transactionManager)
        .reader(reader(file))
        .processor(processor)
        .writer(writer)
        .faultTolerant()
        .processorNonTransactional()
        .noRollback(RecordRejectedException.class)
        .skipPolicy(
            new LimitCheckingItemSkipPolicy(
                Integer.MAX_VALUE,
                Map.of(RecordRejectedException.class, true, FlatFileParseException.class, true)))
        .listener((SkipListener<SourceRecord, Object>) quarantineListener)
        .listener((StepExecutionListener) quarantineListener)
        .listener((StepExecutionListener) writer)
        .listener((ItemReadListener<SourceRecord>) progressListener)
        .listener((ChunkListener) progressListener)
        .listener((StepExecutionListener) progressListener)
        .listener(new InputDigestListener())
        .build();
  }

  private static SourceRecordReader reader(PartitionFile file) {
    return SourceRecordReader.of(file.source(), file.path(), file.zipEntry(), file.fileName());
  }

  private static QuarantineListener quarantineListener(PartitionFile file) {
    return new QuarantineListener(
        new QuarantineWriter(
            LakeCommitter.staging(file.lake(), LakeLayout.QUARANTINE, file.runId()),
            file.slug(),
            file.source(),
            file.fileName(),
            file.runId()));
  }

  private static ProgressListener progressListener(PartitionFile file) {
    return new ProgressListener(file.fileName(), InputFiles.size(file.path(), file.zipEntry()));
  }

  @Bean
  @StepScope
  InputPartitioner inputPartitioner(
      @Value("#{jobParameters['input']}") String input,
      @Value("#{jobParameters['lake']}") String lake) {
    return new InputPartitioner(
        Path.of(input), Path.of(lake), EnumSet.complementOf(EnumSet.of(AMENDMENT_SOURCE)));
  }

  @Bean
  TaskExecutor ingestTaskExecutor(@Value("${sentinela.ingest.threads:0}") int threads) {
    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ingest-");
    executor.setConcurrencyLimit(
        threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    return executor;
  }

  @Bean
  Step ingestFilesStep(
      JobRepository jobRepository,
      Step ingestFileStep,
      InputPartitioner inputPartitioner,
      TaskExecutor ingestTaskExecutor) {
    return new StepBuilder("ingestFiles", jobRepository)
        .partitioner("ingestFile", inputPartitioner)
        .partitionHandler(largestFileFirst(ingestFileStep, ingestTaskExecutor))
        .build();
  }

  /** Runs a file step's partitions on the executor, largest input file first. */
  private static PartitionHandler largestFileFirst(Step fileStep, TaskExecutor executor) {
    LargestFileFirstPartitionHandler handler = new LargestFileFirstPartitionHandler();
    handler.setStep(fileStep);
    handler.setTaskExecutor(executor);
    return handler;
  }

  @Bean
  Step ingestAmendmentFileStep(
      JobRepository jobRepository, PlatformTransactionManager transactionManager) {
    return new PerPartitionStep(
        "ingestAmendmentFile",
        jobRepository,
        transactionManager,
        partition ->
            amendmentFileStep(jobRepository, transactionManager, PartitionFile.of(partition)));
  }

  /** The step ingesting one TermoAditivo file. */
  private static Step amendmentFileStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      PartitionFile file) {
    return fileStep(
        "ingestAmendmentFile",
        jobRepository,
        transactionManager,
        file,
        new PortalAmendmentProcessor(new PortalAmendmentNormaliser(file.runId())),
        new PartitionedAmendmentWriter(
            LakeCommitter.staging(file.lake(), LakeLayout.AMENDMENTS, file.runId()), file.slug()));
  }

  @Bean
  @StepScope
  InputPartitioner amendmentPartitioner(
      @Value("#{jobParameters['input']}") String input,
      @Value("#{jobParameters['lake']}") String lake) {
    return new InputPartitioner(Path.of(input), Path.of(lake), EnumSet.of(AMENDMENT_SOURCE));
  }

  @Bean
  Step ingestAmendmentFilesStep(
      JobRepository jobRepository,
      Step ingestAmendmentFileStep,
      InputPartitioner amendmentPartitioner,
      TaskExecutor ingestTaskExecutor) {
    return new StepBuilder("ingestAmendmentFiles", jobRepository)
        .partitioner("ingestAmendmentFile", amendmentPartitioner)
        .partitionHandler(largestFileFirst(ingestAmendmentFileStep, ingestTaskExecutor))
        .build();
  }

  @Bean
  @StepScope
  CommitIngestTasklet commitIngestTasklet(
      @Value("#{jobParameters['input']}") String input,
      @Value("#{jobParameters['lake']}") String lake,
      @Value("#{jobParameters['runId']}") String runId,
      RunRecords runRecords,
      org.sentinela.ingest.run.StaleExecutions staleExecutions,
      RunFigures runFigures) {
    return new CommitIngestTasklet(
        Path.of(input), Path.of(lake), runId, runRecords, staleExecutions, runFigures);
  }

  @Bean
  Step commitIngestStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      CommitIngestTasklet commitIngestTasklet) {
    return new StepBuilder("commitIngest", jobRepository)
        .tasklet(commitIngestTasklet, transactionManager)
        .build();
  }

  @Bean
  Job ingestJob(
      JobRepository jobRepository,
      Step ingestFilesStep,
      Step ingestAmendmentFilesStep,
      Step commitIngestStep) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(ingestFilesStep)
        .next(ingestAmendmentFilesStep)
        .next(commitIngestStep)
        .build();
  }
}
