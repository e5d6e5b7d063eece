// Where the import says a problem is: the form editors link and Excel users read.
import { expect } from "chai";
import { placeOf } from "../../src/domain/csv-import/table.js";

describe("the place of a problem", () => {
  it("is FILE:LINE in a CSV file and FILE:SHEET!ROW in a workbook, quoting a sheet name as Excel does", () => {
    expect(placeOf("pegawai.csv", undefined, 12)).to.equal("pegawai.csv:12");
    expect(placeOf("pegawai.xlsx", "Pegawai", 12)).to.equal("pegawai.xlsx:Pegawai!12");
    expect(placeOf("tunkin.xlsx", "Data Tunkin", 4)).to.equal("tunkin.xlsx:'Data Tunkin'!4");
    expect(placeOf("cuti.xlsx", "Cuti '24", 2)).to.equal("cuti.xlsx:'Cuti ''24'!2");
  });
});
