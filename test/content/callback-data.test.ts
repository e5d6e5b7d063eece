import { expect } from "chai";
import { packCallbackData, parseCallbackData, type CallbackAction } from "../../src/bot/callback-data.js";

describe("callback data of inline buttons", () => {
  const actions: CallbackAction[] = [
    { type: "mainMenu" },
    { type: "category", category: "renbangkompeg" },
    { type: "topic", category: "pengkinpeg", topicId: "0123456789" },
    { type: "news" },
    { type: "documents" },
    { type: "document", documentId: "abcdef0123" },
    { type: "personal", service: "datapribadi" },
    { type: "personal", service: "tunkin" },
    { type: "personal", service: "cuti" },
    { type: "announce", id: 42, send: true },
    { type: "announce", id: 42, send: false },
    { type: "newsItem", newsId: "0123456789" },
    { type: "suggestion", category: "renbangkompeg", topicId: "0123456789", ticketId: 9_999_999_999 },
    { type: "answeredByGuide", category: "mutasi", topicId: "abcdef0123", ticketId: 12 },
    { type: "closeTicket", ticketId: 12 },
    { type: "rate", ticketId: 12, score: 5 },
    { type: "comment", ticketId: 9_999_999_999 },
  ];

  it("round-trips every action within Telegram's 64 bytes", () => {
    for (const action of actions) {
      const data = packCallbackData(action);
      expect(Buffer.byteLength(data)).to.be.at.most(64);
      expect(parseCallbackData(data)).to.deep.equal(action);
    }
  });

  it("uses the documented short forms", () => {
    expect(actions.map(packCallbackData)).to.deep.equal([
      "m", "c:renbangkompeg", "t:pengkinpeg:0123456789", "n", "d", "d:abcdef0123", "p:datapribadi", "p:tunkin", "p:cuti",
      "a:42:y", "a:42:n", "n:0123456789", "s:renbangkompeg:0123456789:9999999999", "j:mutasi:abcdef0123:12",
      "x:12", "r:12:5", "k:9999999999",
    ]);
  });

  it("rejects tampered, unknown or garbage data", () => {
    for (const data of [
      "",
      "x",
      "m:1",
      "c:keuangan",
      "c:",
      "t:mutasi",
      "t:mutasi:012345678",
      "t:mutasi:0123456789a",
      "t:mutasi:ABCDEF0123",
      "t:gaji:0123456789",
      "t:mutasi:0123456789:x",
      "d:../../etc/passwd",
      "p:gaji",
      "a:0:y",
      "a:42:x",
      "a:-1:y",
      "n:",
      "n:0123",
      "s:mutasi:0123456789",
      "s:mutasi:0123456789:0",
      "s:gaji:0123456789:12",
      "j:mutasi:0123456789:12:x",
      "j:mutasi:0123456789:12345678901",
      "x:0",
      "x:12:1",
      "r:12:0",
      "r:12:6",
      "r:12:10",
      "r:12",
      "k:-3",
      "c:mutasi" + " ".repeat(60),
      "💥".repeat(20),
    ]) {
      expect(parseCallbackData(data), JSON.stringify(data)).to.equal(null);
    }
  });
});
