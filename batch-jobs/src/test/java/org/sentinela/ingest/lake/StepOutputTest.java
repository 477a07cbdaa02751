package org.sentinela.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

class StepOutputTest {

  @Test
  void anOutputThatClosesLeavesTheStepAsItWas() {
    StepExecution step = MetaDataInstanceFactory.createStepExecution();
    step.setStatus(BatchStatus.STARTED);
    step.setExitStatus(ExitStatus.COMPLETED);

    ExitStatus exit = StepOutput.closeOrFail(step, () -> {});

    assertThat(exit).isEqualTo(ExitStatus.COMPLETED);
    assertThat(step.getStatus()).isEqualTo(BatchStatus.STARTED);
    assertThat(step.getFailureExceptions()).isEmpty();
  }

  @Test
  void anOutputThatCannotBeClosedFailsTheStepWithItsCause() {
    StepExecution step = MetaDataInstanceFactory.createStepExecution();
    step.setStatus(BatchStatus.STARTED);
    IOException footer = new IOException("no space left on device");

    ExitStatus exit =
        StepOutput.closeOrFail(
            step,
            () -> {
              throw footer;
            });

    assertThat(exit.getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
    assertThat(exit.getExitDescription()).contains("no space left on device");
    assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(step.getFailureExceptions()).containsExactly(footer);
  }
}
