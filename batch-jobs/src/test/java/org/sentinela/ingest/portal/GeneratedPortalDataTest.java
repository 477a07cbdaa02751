package org.sentinela.ingest.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.datagen.BuyerCatalogue;
import org.sentinela.datagen.BuyerUnit;
import org.sentinela.datagen.GeneratorOptions;
import org.sentinela.datagen.PortalDataGenerator;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.model.ContractRecord;

/** The synthetic Portal files of the datagen module, read by this module's Portal reader. */
class GeneratedPortalDataTest {

  private static final RegionResolver REGIONS = RegionResolver.fromBundledIbgeTable();

  @TempDir Path dir;

  @Test
  void everyGeneratedRowIsAcceptedWithItsBuyersState() throws IOException {
    // given: three months of labelled synthetic data
    Path out = dir.resolve("portal");
    PortalDataGenerator.Summary summary =
        PortalDataGenerator.generate(
            GeneratorOptions.labelled(
                out, 6_000, YearMonth.of(2022, 11), 3, 5, dir.resolve("labels.csv")));
    Map<String, BuyerUnit> units =
        summary.units().stream().collect(Collectors.toMap(BuyerUnit::code, Function.identity()));
    PortalComprasNormaliser normaliser = new PortalComprasNormaliser("run-g", REGIONS);

    // when: each line goes through the line mapper and the normaliser
    List<ContractRecord> records = new ArrayList<>();
    for (Path file : summary.files()) {
      String name = file.getFileName().toString();
      assertThat(name).matches(PortalComprasFormat.FILE_NAME_PATTERN);
      List<String> lines = Files.readAllLines(file, PortalComprasFormat.CHARSET);
      assertThat(lines.get(0)).isEqualTo(PortalComprasFormat.headerLine());
      PortalComprasLineMapper mapper = new PortalComprasLineMapper(name);
      for (int i = 1; i < lines.size(); i++) {
        PortalComprasRow row = mapper.mapLine(lines.get(i), i + 1);
        records.add(normaliser.normalise(row, PortalComprasNormaliser.recordHash(row)));
      }
    }

    // then: none is rejected, the buyer's state is the intended one, values are exact
    assertThat(records).hasSize(6_000);
    for (ContractRecord r : records) {
      assertThat(r.region().uf()).as(r.unitName()).isEqualTo(units.get(r.unitCode()).uf());
      assertThat(r.initialValue().scale()).isEqualTo(4);
      assertThat(r.supplier().valid()).isTrue();
    }
  }

  @Test
  void everyUnitNameTheGeneratorCanMakeResolvesToItsState() {
    BuyerCatalogue catalogue = BuyerCatalogue.generate(20_000, 3);

    List<String> wrong = new ArrayList<>();
    for (BuyerUnit unit : catalogue.units()) {
      String uf =
          REGIONS.resolve(unit.name(), cut(unit.organName()), cut(unit.superiorName())).uf();
      if (!uf.equals(unit.uf())) {
        wrong.add(unit.name() + " (" + unit.organName() + "): " + uf + " instead of " + unit.uf());
      }
    }

    assertThat(catalogue.units()).hasSize(20_000);
    assertThat(wrong).isEmpty();
  }

  /** Organ names as the Portal prints them, cut at 45 characters. */
  private static String cut(String name) {
    return name.length() <= 45 ? name : name.substring(0, 45);
  }
}
