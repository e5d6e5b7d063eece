// Reading Excel's CSV files: encodings, separators, quoting, line endings and the physical line of every row.
import { expect } from "chai";
import { readCsv } from "../../src/domain/csv-import/read-csv.js";
import type { Table } from "../../src/domain/csv-import/table.js";

function table(text: string | Buffer): Table {
  const result = readCsv(typeof text === "string" ? Buffer.from(text, "utf8") : text);
  if (!result.ok) throw new Error(`expected a table, got ${JSON.stringify(result.problems)}`);
  return result.table;
}

function problems(text: string | Buffer) {
  const result = readCsv(typeof text === "string" ? Buffer.from(text, "utf8") : text);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

describe("reading a CSV file", () => {
  it("drops the UTF-8 byte order mark Excel puts before the header", () => {
    const t = table("\ufeffnip,nama\n198501012010011001,Budi\n");
    expect(t.header.cells).to.deep.equal(["nip", "nama"]);
    expect(t.rows[0]).to.deep.equal({ line: 2, cells: ["198501012010011001", "Budi"] });
  });

  it("detects ; as the separator from the header line, as Excel writes it under Indonesian settings", () => {
    const t = table("nip;nama;jabatan\n198501012010011001;Budi, S.Kom;Analis\n");
    expect(t.rows[0]!.cells).to.deep.equal(["198501012010011001", "Budi, S.Kom", "Analis"]);
  });

  it("keeps a separator, a doubled quote and a line break inside a quoted cell, and numbers lines physically", () => {
    const t = table('nip,nama\r\n1,"Budi, ""Bud""\r\nSantoso"\r\n2,Ani\r\n');
    expect(t.rows).to.deep.equal([
      { line: 2, cells: ["1", 'Budi, "Bud"\r\nSantoso'] },
      { line: 4, cells: ["2", "Ani"] },
    ]);
  });

  it("reads CRLF and LF files alike and skips blank lines and Excel's all-empty rows without shifting line numbers", () => {
    for (const eol of ["\r\n", "\n"]) {
      const t = table(["nip;nama", "1;A", "", "2;B", ";;", "3;C", "", "", ""].join(eol));
      expect(t.rows, JSON.stringify(eol)).to.deep.equal([
        { line: 2, cells: ["1", "A"] },
        { line: 4, cells: ["2", "B"] },
        { line: 6, cells: ["3", "C"] },
      ]);
    }
  });

  it("reads the last row without a final line break", () => {
    expect(table("nip,nama\n1,A").rows).to.deep.equal([{ line: 2, cells: ["1", "A"] }]);
  });

  it("trims spaces around cells", () => {
    expect(table(" NIP , Nama \n 1 , Budi \n").rows[0]!.cells).to.deep.equal(["1", "Budi"]);
  });

  it("honours Excel's sep= first line", () => {
    const t = table("sep=;\r\nnip;nama\r\n1;A, B\r\n");
    expect(t.header).to.deep.equal({ line: 2, cells: ["nip", "nama"] });
    expect(t.rows).to.deep.equal([{ line: 3, cells: ["1", "A, B"] }]);
  });

  it("points at the line where a quote was opened and never closed", () => {
    expect(problems('nip,nama\n1,A\n\n2,"B\n3,C\n')).to.deep.equal([
      { line: 4, message: 'tanda kutip (") dibuka di baris ini tetapi tidak pernah ditutup' },
    ]);
  });

  it("rejects a file that is not UTF-8, naming the first line with a foreign byte and how to save it", () => {
    const latin1 = Buffer.concat([Buffer.from("nip,nama\n1,Ani\n2,Jos"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const [p] = problems(latin1);
    expect(p!.line).to.equal(3);
    expect(p!.message).to.contain("bukan UTF-8").and.to.contain("CSV UTF-8");
  });

  it("rejects an empty file", () => {
    expect(problems("\n \n")[0]!.message).to.contain("berkas kosong");
  });
});
