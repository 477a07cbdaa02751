package org.sentinela.ingest;

import java.nio.file.Path;
import java.util.Map;
import org.sentinela.ingest.lake.LakeCommitter;
import org.sentinela.ingest.lake.PartitionedContractWriter;
import org.sentinela.ingest.lake.QuarantineListener;
import org.sentinela.ingest.lake.QuarantineWriter;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.ingest.portal.PortalComprasLineMapper;
import org.sentinela.ingest.portal.PortalComprasNormaliser;
import org.sentinela.ingest.portal.PortalComprasProcessor;
import org.sentinela.ingest.portal.PortalComprasRow;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.ingest.run.CommitIngestTasklet;
import org.sentinela.ingest.run.RunRecords;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.LakeLayout;
import org.sentinela.model.RecordSource;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingItemSkipPolicy;
import org.springframework.batch.item.file.FlatFileItemReader;
import org.springframework.batch.item.file.FlatFileParseException;
import org.springframework.batch.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job, top to bottom: per-file reader, processor and writers; the per-file step with its
 * bad-record policy; the partitioned step over the input files; the commit; the job.
 *
 * <p>Job parameters: {@code runId} (identifying), {@code input}, {@code lake}.
 */
@Configuration
public class IngestJobConfiguration {

  public static final String JOB_NAME = "ingestContracts";
  static final int CHUNK_SIZE = 1000;

  @Bean
  RegionResolver regionResolver() {
    return RegionResolver.fromBundledIbgeTable();
  }

  @Bean
  @StepScope
  FlatFileItemReader<PortalComprasRow> portalComprasReader(
      @Value("#{stepExecutionContext['path']}") String path,
      @Value("#{stepExecutionContext['zipEntry']}") String zipEntry,
      @Value("#{stepExecutionContext['fileName']}") String fileName) {
    return new FlatFileItemReaderBuilder<PortalComprasRow>()
        .name("portalComprasReader")
        .resource(InputFiles.resource(Path.of(path), zipEntry.isEmpty() ? null : zipEntry))
        .encoding(PortalComprasFormat.CHARSET.name())
        .linesToSkip(1)
        .lineMapper(new PortalComprasLineMapper(fileName))
        .saveState(false)
        .strict(true)
        .build();
  }

  @Bean
  @StepScope
  PortalComprasProcessor portalComprasProcessor(
      @Value("#{jobParameters['runId']}") String runId, RegionResolver regions) {
    return new PortalComprasProcessor(new PortalComprasNormaliser(runId, regions));
  }

  @Bean
  @StepScope
  PartitionedContractWriter contractWriter(
      @Value("#{jobParameters['lake']}") String lake,
      @Value("#{jobParameters['runId']}") String runId,
      @Value("#{stepExecutionContext['slug']}") String slug) {
    return new PartitionedContractWriter(
        LakeCommitter.staging(Path.of(lake), LakeLayout.CONTRACTS, runId), slug);
  }

  @Bean
  @StepScope
  QuarantineListener quarantineListener(
      @Value("#{jobParameters['lake']}") String lake,
      @Value("#{jobParameters['runId']}") String runId,
      @Value("#{stepExecutionContext['slug']}") String slug,
      @Value("#{stepExecutionContext['fileName']}") String fileName) {
    return new QuarantineListener(
        new QuarantineWriter(
            LakeCommitter.staging(Path.of(lake), LakeLayout.QUARANTINE, runId),
            slug,
            RecordSource.PORTAL_COMPRAS,
            fileName,
            runId));
  }

  @Bean
  Step ingestFileStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      FlatFileItemReader<PortalComprasRow> portalComprasReader,
      PortalComprasProcessor portalComprasProcessor,
      PartitionedContractWriter contractWriter,
      QuarantineListener quarantineListener) {
    return new StepBuilder("ingestFile", jobRepository)
        .<PortalComprasRow, ContractRecord>chunk(CHUNK_SIZE, transactionManager)
        .reader(portalComprasReader)
        .processor(portalComprasProcessor)
        .writer(contractWriter)
        .faultTolerant()
        .processorNonTransactional()
        .skipPolicy(
            new LimitCheckingItemSkipPolicy(
                Integer.MAX_VALUE,
                Map.of(RecordRejectedException.class, true, FlatFileParseException.class, true)))
        .listener(
            (org.springframework.batch.core.SkipListener<PortalComprasRow, ContractRecord>)
                quarantineListener)
        .listener((org.springframework.batch.core.StepExecutionListener) quarantineListener)
        .listener((org.springframework.batch.core.StepExecutionListener) contractWriter)
        .listener(new ProgressListener())
        .build();
  }

  @Bean
  @StepScope
  InputPartitioner inputPartitioner(
      @Value("#{jobParameters['input']}") String input,
      @Value("#{jobParameters['lake']}") String lake) {
    return new InputPartitioner(Path.of(input), Path.of(lake));
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
        .step(ingestFileStep)
        .taskExecutor(ingestTaskExecutor)
        .build();
  }

  @Bean
  @StepScope
  CommitIngestTasklet commitIngestTasklet(
      @Value("#{jobParameters['input']}") String input,
      @Value("#{jobParameters['lake']}") String lake,
      @Value("#{jobParameters['runId']}") String runId,
      RunRecords runRecords,
      org.sentinela.ingest.run.StaleExecutions staleExecutions) {
    return new CommitIngestTasklet(
        Path.of(input), Path.of(lake), runId, runRecords, staleExecutions);
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
  Job ingestJob(JobRepository jobRepository, Step ingestFilesStep, Step commitIngestStep) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(ingestFilesStep)
        .next(commitIngestStep)
        .build();
  }
}
