package org.sentinela.datagen;

import java.util.List;

/**
 * Synthetic suppliers, each a number: {@code id >= 0} is a company with a CNPJ, {@link #CLASSIFIED}
 * the Portal's withheld supplier ({@code -11}, "Sigiloso"), {@code id <= -2} an individual with a
 * CPF. Codes and names are pure functions of the id and the seed, so no table is kept. CNPJs are a
 * seed-keyed permutation of 8-digit roots with branch {@code 0001}; CPFs all start with {@code 000}
 * (marking them as generated) and have valid check digits; names are combinations of common words,
 * not of any real person or company.
 */
final class Suppliers {

  static final int CLASSIFIED = -1;

  /** The first company ids are each state's electricity and water distributors. */
  static final int UTILITY_COMPANIES = 2 * Places.UFS.size();

  private static final List<String> COMPANY_WORDS =
      List.of(
          "ALFA",
          "ATLAS",
          "AURORA",
          "BANDEIRANTE",
          "BRASIL",
          "CAPITAL",
          "CENTRAL",
          "CERRADO",
          "COSTA",
          "CRUZEIRO",
          "DELTA",
          "DINAMICA",
          "ESTRELA",
          "EXATA",
          "FORTE",
          "GALAXIA",
          "HORIZONTE",
          "IPE",
          "ITAPUA",
          "JATOBA",
          "LIDER",
          "LITORAL",
          "MAXIMA",
          "MERIDIANO",
          "MODELO",
          "NACIONAL",
          "NORDESTE",
          "NORTE",
          "NOVA ERA",
          "OMEGA",
          "PANTANAL",
          "PIONEIRA",
          "PLANALTO",
          "PRIMAVERA",
          "PRIME",
          "PROGRESSO",
          "RIO BRANCO",
          "SAFIRA",
          "SANTA LUZIA",
          "SERRA AZUL",
          "SOLAR",
          "SUDESTE",
          "SUL",
          "TERRA NOVA",
          "TOPAZIO",
          "TROPICAL",
          "UNIAO",
          "VALE",
          "VANGUARDA",
          "VITAL");

  private static final List<String> COMPANY_FORMS =
      List.of(
          "COMERCIO E SERVICOS LTDA",
          "DISTRIBUIDORA LTDA",
          "SOLUCOES EMPRESARIAIS EIRELI",
          "SERVICOS TECNICOS LTDA",
          "COMERCIAL LTDA",
          "ENGENHARIA E CONSTRUCOES LTDA",
          "TECNOLOGIA DA INFORMACAO LTDA",
          "PRODUTOS HOSPITALARES LTDA",
          "ALIMENTOS LTDA",
          "SERVICOS GERAIS LTDA - ME",
          "INDUSTRIA E COMERCIO S.A.",
          "ADMINISTRACAO E SERVICOS EIRELI");

  private static final List<String> FIRST_NAMES =
      List.of(
          "ANA",
          "ANTONIO",
          "CARLOS",
          "CLAUDIA",
          "DANIEL",
          "EDUARDO",
          "FERNANDA",
          "FRANCISCO",
          "GABRIEL",
          "HELENA",
          "JOAO",
          "JOSE",
          "JULIANA",
          "LUCAS",
          "LUIZ",
          "MARCOS",
          "MARIA",
          "MARIANA",
          "PAULO",
          "PEDRO",
          "RAFAEL",
          "RITA",
          "SANDRA",
          "TIAGO",
          "VERA");

  private static final List<String> SURNAMES =
      List.of(
          "ALMEIDA",
          "ALVES",
          "ARAUJO",
          "BARBOSA",
          "CARDOSO",
          "CARVALHO",
          "CASTRO",
          "COSTA",
          "DIAS",
          "FERREIRA",
          "GOMES",
          "LIMA",
          "MARTINS",
          "MELO",
          "MOREIRA",
          "NASCIMENTO",
          "OLIVEIRA",
          "PEREIRA",
          "RIBEIRO",
          "ROCHA",
          "SANTOS",
          "SILVA",
          "SOUZA",
          "TEIXEIRA");

  private final long seed;

  Suppliers(long seed) {
    this.seed = seed;
  }

  /** The id of the {@code n}-th individual. */
  static int individual(int n) {
    return -2 - n;
  }

  /** The company id of a state's electricity ({@code water == false}) or water distributor. */
  static int utility(int ufIndex, boolean water) {
    return 2 * ufIndex + (water ? 1 : 0);
  }

  /** "Código Contratado": 14-digit CNPJ, 11-digit CPF or {@code -11}. */
  String code(int id) {
    if (id == CLASSIFIED) {
      return "-11";
    }
    if (id >= 0) {
      return cnpj(permute(id, 10_000));
    }
    return cpf(permute(-2L - id, 1_000));
  }

  /** "Nome Contratado". */
  String name(int id) {
    if (id == CLASSIFIED) {
      return "Sigiloso";
    }
    long h = mix(id, seed);
    if (id >= 0 && id < UTILITY_COMPANIES) {
      String uf = Places.UFS.get(id / 2);
      return (id % 2 == 0 ? "COMPANHIA ENERGETICA " : "COMPANHIA DE SANEAMENTO ") + uf + " S.A.";
    }
    if (id >= 0) {
      String word = COMPANY_WORDS.get((int) Math.floorMod(h, (long) COMPANY_WORDS.size()));
      String form = COMPANY_FORMS.get((int) Math.floorMod(h >>> 16, (long) COMPANY_FORMS.size()));
      if (Math.floorMod(h >>> 32, 4L) == 0) {
        String surname = SURNAMES.get((int) Math.floorMod(h >>> 40, (long) SURNAMES.size()));
        return surname + " & " + word + " " + form;
      }
      return word + " " + form;
    }
    String first = FIRST_NAMES.get((int) Math.floorMod(h, (long) FIRST_NAMES.size()));
    String middle = SURNAMES.get((int) Math.floorMod(h >>> 16, (long) SURNAMES.size()));
    String last = SURNAMES.get((int) Math.floorMod(h >>> 32, (long) SURNAMES.size()));
    return first + " " + middle + " " + last;
  }

  /**
   * A seed-keyed permutation of [0, half²): a 4-round Feistel network on the two base-{@code half}
   * digits of {@code n}, so that consecutive ids give unrelated numbers and no two ids one number.
   */
  private long permute(long n, long half) {
    long left = (n / half) % half;
    long right = n % half;
    for (int round = 0; round < 4; round++) {
      long next = Math.floorMod(left + mix(right * 31 + round, seed), half);
      left = right;
      right = next;
    }
    return left * half + right;
  }

  /** A CNPJ with branch 0001 and valid check digits for an 8-digit root. */
  static String cnpj(long root) {
    char[] d = new char[14];
    long r = root;
    for (int i = 7; i >= 0; i--) {
      d[i] = (char) ('0' + r % 10);
      r /= 10;
    }
    d[8] = '0';
    d[9] = '0';
    d[10] = '0';
    d[11] = '1';
    int[] first = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    int[] second = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    d[12] = (char) ('0' + cnpjDigit(d, first));
    d[13] = (char) ('0' + cnpjDigit(d, second));
    return new String(d);
  }

  /** A CPF {@code 000} + 6 digits + 2 valid check digits. */
  static String cpf(long sixDigits) {
    char[] d = new char[11];
    long r = sixDigits;
    d[0] = '0';
    d[1] = '0';
    d[2] = '0';
    for (int i = 8; i >= 3; i--) {
      d[i] = (char) ('0' + r % 10);
      r /= 10;
    }
    d[9] = (char) ('0' + cpfDigit(d, 9));
    d[10] = (char) ('0' + cpfDigit(d, 10));
    return new String(d);
  }

  private static int cnpjDigit(char[] d, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (d[i] - '0') * weights[i];
    }
    int rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  }

  private static int cpfDigit(char[] d, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (d[i] - '0') * (length + 1 - i);
    }
    int rest = (sum * 10) % 11;
    return rest == 10 ? 0 : rest;
  }

  private static long mix(long id, long seed) {
    long z = id * 0x9E3779B97F4A7C15L + seed;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
